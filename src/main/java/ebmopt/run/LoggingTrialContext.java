package ebmopt.run;

import ebmopt.experiment.TrialCheckpoints;
import ebmopt.experiment.TrialContext;
import ebmopt.sweep.TrialSpec;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The context of a trial running in a Spark task (or on the driver): its progress goes to
 * the executor's (driver's) log, at most once per interval.
 */
final class LoggingTrialContext implements TrialContext {
    private static final Logger LOG = LoggerFactory.getLogger("ebmopt.trial");

    private final TrialSpec trial;
    private final Path dataDir;
    private final long intervalNanos;
    private final JavaSparkContext spark;
    private final TrialCheckpoints checkpoints;
    private final long startNanos = System.nanoTime();
    private long lastReportNanos = startNanos;

    /** {@code spark}: the driver's context for a trial run on the driver, null in an executor task. */
    LoggingTrialContext(TrialSpec trial, Path dataDir, long intervalMs, JavaSparkContext spark,
                        TrialCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
        this.trial = trial;
        this.dataDir = dataDir;
        this.intervalNanos = intervalMs * 1_000_000L;
        this.spark = spark;
    }

    @Override
    public String trialId() {
        return trial.trialId();
    }

    @Override
    public long seed() {
        return trial.seed();
    }

    @Override
    public int replicate() {
        return trial.replicate();
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public TrialCheckpoints checkpoints() {
        return checkpoints;
    }

    @Override
    public Optional<JavaSparkContext> sparkContext() {
        return Optional.ofNullable(spark);
    }

    @Override
    public void progress(long step, long totalSteps) {
        long now = System.nanoTime();
        if (now - lastReportNanos < intervalNanos) {
            return;
        }
        lastReportNanos = now;
        double elapsed = (now - startNanos) / 1e9;
        double left = step > 0 ? elapsed * (totalSteps - step) / step : Double.NaN;
        LOG.info(String.format("trial %s (%s): step %d/%d (%.0f%%), %.0f s elapsed, ~%.0f s left",
                trial.trialId(), trial.describe(), step, totalSteps, 100.0 * step / Math.max(1, totalSteps),
                elapsed, left));
    }
}
