/**
 * Running sweeps on Spark: planning (load, validate, expand), the runner (resume, balance,
 * progress) and the per-trial task (run, classify failure, commit). Knows nothing of which
 * model a trial trains.
 */
package ebmopt.run;
