/**
 * The contract between the runner and the models: an {@link ebmopt.experiment.Experiment}
 * turns validated parameters and a seed into a {@link ebmopt.experiment.TrialOutcome}.
 * Knows nothing of Spark or of result storage.
 */
package ebmopt.experiment;
