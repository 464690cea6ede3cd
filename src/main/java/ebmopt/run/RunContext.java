package ebmopt.run;

import ebmopt.results.ResultLayout;

import java.io.Serializable;

/**
 * What every trial task needs to know about the run, shipped to executors.
 *
 * @param sweep                   the sweep (job) name
 * @param scale                   the job scale, or null
 * @param layout                  where results go
 * @param dataDir                 data.dir, absolute
 * @param trialProgressIntervalMs how often a long trial logs its progress
 * @param codeVersion             the driver's code version
 * @param checkpointIntervalMs    how often a trial that can resume saves its state (0: never)
 * @param keepFinalState          whether trials keep their trained state after the commit
 */
public record RunContext(String sweep, String scale, ResultLayout layout, String dataDir,
                         long trialProgressIntervalMs, String codeVersion, long checkpointIntervalMs,
                         boolean keepFinalState)
        implements Serializable {
}
