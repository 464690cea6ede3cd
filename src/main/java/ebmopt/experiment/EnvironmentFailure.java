package ebmopt.experiment;

/**
 * Marks an exception caused by a trial's environment (a missing or corrupt data file), not by
 * the model: the runner records such a trial as retryable, and the sweep's next run runs it
 * again once the environment is fixed. I/O exceptions count as such without the mark.
 */
public interface EnvironmentFailure {
}
