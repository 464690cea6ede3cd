package ebmopt.testing;

import static ebmopt.config.InvalidParameterException.require;

/**
 * Parameters of the test-only "echo" experiment.
 *
 * @param value           echoed back as the metric "value" (shows a swept value reaches the model)
 * @param failOnReplicate the replicate that throws (a trial failure); -1 for none
 * @param failWhileExists if not empty, that replicate fails only while this file exists (a transient fault)
 * @param failWithIoError that replicate's failure is an I/O error (an environment failure, retryable), not a bug
 * @param divergeOnReplicate the replicate whose metric is NaN; -1 for none
 * @param throwDivergedOnReplicate the replicate that, having recorded its curve and candidates, throws
 *                        TrialDivergedException with them (a model's loss blowing up); -1 for none
 * @param sleepMs         how long each trial takes
 * @param steps           curve points recorded
 * @param candidates      candidates recorded: i = 0.. has design "replicate,i", score value * (i + 1) and
 *                        normalised score i / candidates
 * @param onDriver        run on the driver (Experiment.runsOnDriver) and use its Spark context
 */
public record EchoParams(double value, int failOnReplicate, String failWhileExists, boolean failWithIoError,
                         int divergeOnReplicate, int throwDivergedOnReplicate, int sleepMs, int steps, int candidates,
                         boolean onDriver) {
    public EchoParams {
        require(sleepMs >= 0, "sleep-ms", "must be >= 0");
        require(steps >= 0, "steps", "must be >= 0");
        require(candidates >= 0, "candidates", "must be >= 0");
    }

    /** Parameters whose injected failure, if any, is a bug (not an I/O error). */
    public EchoParams(double value, int failOnReplicate, String failWhileExists, int divergeOnReplicate,
                      int throwDivergedOnReplicate, int sleepMs, int steps, int candidates, boolean onDriver) {
        this(value, failOnReplicate, failWhileExists, false, divergeOnReplicate, throwDivergedOnReplicate, sleepMs,
                steps, candidates, onDriver);
    }
}
