package ebmopt.config;

import java.time.Duration;

import static ebmopt.config.InvalidParameterException.require;

/**
 * The {@code run} block: how a sweep is executed.
 *
 * @param retryFailed           run again the trials recorded as failed or diverged
 * @param progressInterval      how often the driver reports trials done, failed and the time left
 * @param trialProgressInterval how often a long trial logs its own progress
 * @param dryRun                expand and validate the sweep, print the plan, run nothing
 * @param checkpointInterval    how often a long trial that can resume saves its state (0: never)
 * @param keepFinalState        keep each trained trial's final state after its commit, for resampling
 */
public record RunSettings(boolean retryFailed, Duration progressInterval, Duration trialProgressInterval,
                          boolean dryRun, Duration checkpointInterval, boolean keepFinalState) {
    public RunSettings {
        require(!progressInterval.isNegative() && !progressInterval.isZero(), "progress-interval", "must be positive");
        require(!trialProgressInterval.isNegative() && !trialProgressInterval.isZero(), "trial-progress-interval",
                "must be positive");
        require(!checkpointInterval.isNegative(), "checkpoint-interval", "must be >= 0 (0: no checkpoints)");
    }
}
