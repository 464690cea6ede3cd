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
    /** The first step reported and when: a resumed trial's rate counts from where it resumed. */
    private long firstStep = -1;
    private long firstStepNanos;

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
        if (firstStep < 0) {
            firstStep = step;
            firstStepNanos = now;
        }
        if (now - lastReportNanos < intervalNanos) {
            return;
        }
        lastReportNanos = now;
        double elapsed = (now - startNanos) / 1e9;
        double left = secondsLeft(firstStep, firstStepNanos, step, totalSteps, now);
        LOG.info(String.format("trial %s (%s): step %d/%d (%.0f%%), %.0f s elapsed, ~%.0f s left",
                trial.trialId(), trial.describe(), step, totalSteps, 100.0 * step / Math.max(1, totalSteps),
                elapsed, left));
    }

    /**
     * Seconds left at the rate since {@code fromStep} (the first step this run reported, not
     * step 0: a trial resumed at step 3400 of 12000 has done only its steps since then); NaN
     * before any step has been taken.
     */
    static double secondsLeft(long fromStep, long fromNanos, long step, long totalSteps, long nowNanos) {
        if (step <= fromStep) {
            return Double.NaN;
        }
        double secondsPerStep = (nowNanos - fromNanos) / 1e9 / (step - fromStep);
        return secondsPerStep * (totalSteps - step);
    }
}
