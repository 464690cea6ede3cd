package ebmopt.results;

import org.apache.hadoop.fs.Path;

import java.io.Serializable;

/**
 * Where a sweep's results live, under {@code output.root/<sweep name>/}:
 *
 * <pre>
 * sweep.conf                         the resolved configuration of the latest run
 * runs/&lt;time&gt;.conf                  the resolved configuration of every run
 * results/&lt;trial id&gt;/trials.parquet  one row: the trial (the commit unit is this folder)
 * results/&lt;trial id&gt;/curves.parquet  its learning curves
 * results/&lt;trial id&gt;/candidates.parquet  its proposed designs (absent in folders of older versions)
 * results/&lt;trial id&gt;/_status.&lt;s&gt;.&lt;c&gt; its status (done | failed | diverged) and commit id, for a cheap scan
 * snapshot.current                   names the current snapshot version (see SweepTables)
 * snapshots/&lt;version&gt;/               all committed trials compacted into few files (a cache, see SweepTables)
 * snapshot/                          the snapshot of the layout before versions, until the next run replaces it
 * _staging/                          folders being written; never read
 * _driver.lock                       the driver running the sweep now, with its heartbeat (SweepLock)
 * _checkpoints/&lt;trial id&gt;.ckpt        a long trial's last saved state, until it is committed (CheckpointStore)
 * _final-states/&lt;trial id&gt;.ckpt       a trained state kept past the commit (run.keep-final-state)
 * </pre>
 *
 * A trial's folder appears by one atomic rename, after its files were checked, so readers
 * see all of a trial or none; a folder that lost a file later is treated as not committed
 * (CommittedTrials).
 *
 * @param sweepDir the sweep's folder, fully qualified (file:/..., hdfs://...)
 */
public record ResultLayout(String sweepDir) implements Serializable {
    public static final String RESULTS = "results";
    public static final String STAGING = "_staging";
    public static final String STATUS_PREFIX = "_status.";
    public static final String DRIVER_LOCK = "_driver.lock";

    public Path root() {
        return new Path(sweepDir);
    }

    public Path results() {
        return new Path(sweepDir, RESULTS);
    }

    public Path trialDir(String trialId) {
        return new Path(results(), trialId);
    }

    public Path staging() {
        return new Path(sweepDir, STAGING);
    }

    /** The lock file of the driver running the sweep (SweepLock). */
    public Path driverLock() {
        return new Path(sweepDir, DRIVER_LOCK);
    }

    /**
     * The snapshot folder of the layout before versioned snapshots: readers and the sweep's next
     * refresh use it only where no version exists yet. The current snapshot is
     * {@link SweepTables#currentSnapshot}.
     */
    public Path legacySnapshot() {
        return new Path(sweepDir, "snapshot");
    }

    /** The status marker's name: _status.&lt;status&gt;.&lt;commit id&gt;. */
    public static String marker(TrialStatus status, String commitId) {
        return STATUS_PREFIX + status.label() + "." + commitId;
    }

    public Path sweepConf() {
        return new Path(sweepDir, "sweep.conf");
    }

    public Path runConf(String runName) {
        return new Path(new Path(sweepDir, "runs"), runName + ".conf");
    }
}
