package ebmopt.run;

import ebmopt.results.CommittedTrials;
import ebmopt.results.ResultFiles;
import ebmopt.results.ResultLayout;
import ebmopt.results.SweepLock;
import ebmopt.results.SweepTables;
import ebmopt.results.TrialStatus;
import ebmopt.results.ViewScripts;
import ebmopt.sweep.TrialSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Runs a sweep on Spark: skips the trials already committed, spreads the rest one trial per
 * task (most expensive first, so that executors finish together), then runs on the driver,
 * one after another, the trials whose experiment asks for the driver's Spark context
 * ({@link DriverTrials}), reports progress, and returns what ran. The same code runs on
 * local[*] and on a cluster.
 */
public final class SweepRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SweepRunner.class);

    private SweepRunner() {
    }

    /** The sweep's result layout under the configured output root, fully qualified. */
    public static ResultLayout layout(SweepPlan plan, Configuration hadoop) {
        return new ResultLayout(ResultFiles.qualified(new Path(plan.settings().outputRoot(), plan.sweepName())
                .toString(), hadoop));
    }

    /**
     * Runs the sweep's pending trials under its {@link SweepLock}, released when the run ends.
     *
     * @throws ebmopt.results.SweepLockedException when another live driver is running the sweep
     */
    public static SweepReport run(SparkSession spark, SweepPlan plan) {
        long start = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        ResultLayout layout = layout(plan, hadoop);
        SweepLock lock = SweepLock.acquire(layout, hadoop);
        try {
            // With the lock held no other driver of the sweep is alive: what staging holds is debris.
            CommittedTrials.clearStaging(layout, hadoop);
            return runLocked(spark, plan, layout, start);
        } finally {
            lock.close();
        }
    }

    private static SweepReport runLocked(SparkSession spark, SweepPlan plan, ResultLayout layout, long start) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        saveConfiguration(plan, layout, hadoop);

        Map<String, CommittedTrials.Commit> committed = CommittedTrials.scan(layout, hadoop);
        boolean retry = plan.settings().run().retryFailed();
        List<TrialSpec> pending = new ArrayList<>();
        int alreadyDone = 0;
        int keptFailed = 0;
        for (TrialSpec trial : plan.trials()) {
            CommittedTrials.Commit commit = committed.get(trial.trialId());
            TrialStatus status = commit == null ? null : commit.status();
            if (status == TrialStatus.DONE) {
                alreadyDone++;
            } else if (status != null && !retry && !status.rerunsUnasked()) {
                keptFailed++;
            } else {
                pending.add(trial);
            }
        }
        LOG.info("[sweep {}] {} trials: {} already done, {} recorded failed or diverged{}, {} to run; results in {}",
                plan.sweepName(), plan.trials().size(), alreadyDone, keptFailed,
                keptFailed > 0 && !retry ? " (kept; --retry-failed runs them again)" : "", pending.size(),
                layout.sweepDir());
        DriverPreparation.prepare(spark, plan, pending);
        List<TrialSummary> ran = pending.isEmpty() ? List.of() : execute(spark, plan, layout, pending);
        if (SweepTables.refreshSnapshot(spark, layout)) {
            LOG.info("[sweep {}] compacted the committed trials into {}", plan.sweepName(),
                    SweepTables.currentSnapshot(layout, hadoop).map(Object::toString).orElse("a snapshot"));
            // views.sql names snapshot versions: keep it pointing at the current ones.
            ViewScripts.rewriteIfPresent(spark, new Path(layout.sweepDir()).getParent().toString());
        }
        return new SweepReport(layout, plan.trials().size(), alreadyDone, keptFailed, ran,
                (System.nanoTime() - start) / 1e9);
    }

    private static List<TrialSummary> execute(SparkSession spark, SweepPlan plan, ResultLayout layout,
                                              List<TrialSpec> pending) {
        List<TrialSpec> ordered = new ArrayList<>(pending);
        ordered.sort(Comparator.comparingDouble(TrialSpec::cost).reversed());
        double totalCost = ordered.stream().mapToDouble(TrialSpec::cost).sum();

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SweepCounters counters = SweepCounters.register(spark.sparkContext(), plan.sweepName());
        RunContext context = new RunContext(plan.sweepName(), plan.config().scale(), layout,
                java.nio.file.Path.of(plan.settings().dataDir()).toAbsolutePath().toString(),
                plan.settings().run().trialProgressInterval().toMillis(), Provenance.codeVersion(),
                plan.settings().run().checkpointInterval().toMillis(), plan.settings().run().keepFinalState());
        TrialExecution execution = new TrialExecution(context, counters);
        ProgressMonitor monitor = new ProgressMonitor(plan.sweepName(), counters, ordered.size(), totalCost);
        Map<Boolean, List<TrialSpec>> byPlace = ordered.stream()
                .collect(Collectors.partitioningBy(DriverTrials::runsOnDriver));
        List<TrialSpec> onDriver = byPlace.get(true);
        List<TrialSpec> onExecutors = byPlace.get(false);
        if (!onDriver.isEmpty()) {
            LOG.info("[sweep {}] {} trials run on the driver (they start Spark jobs of their own), one after another, "
                    + "after the {} in executor tasks", plan.sweepName(), onDriver.size(), onExecutors.size());
        }
        List<TrialSummary> summaries = new ArrayList<>();
        if (!onExecutors.isEmpty()) {
            summaries.addAll(onExecutors(jsc, plan, onExecutors, execution, monitor));
        }
        summaries.addAll(DriverTrials.run(plan.sweepName(), onDriver, execution, jsc, monitor));
        return summaries;
    }

    private static List<TrialSummary> onExecutors(JavaSparkContext jsc, SweepPlan plan, List<TrialSpec> ordered,
                                                  TrialExecution execution, ProgressMonitor monitor) {
        jsc.setJobDescription("sweep " + plan.sweepName() + ": " + ordered.size() + " trials");
        // One trial per partition: Spark hands the next trial to whichever executor frees up first.
        JavaFutureAction<List<TrialSummary>> job = jsc.parallelize(ordered, ordered.size())
                .map(execution)
                .collectAsync();
        long intervalMs = plan.settings().run().progressInterval().toMillis();
        try {
            while (true) {
                try {
                    List<TrialSummary> summaries = job.get(intervalMs, TimeUnit.MILLISECONDS);
                    monitor.report();
                    return summaries;
                } catch (TimeoutException e) {
                    monitor.report();
                }
            }
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new SweepFailedException("interrupted; committed trials are kept, a rerun resumes", e);
        } catch (ExecutionException e) {
            Throwable root = e.getCause();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.error("[sweep {}] the Spark job failed", plan.sweepName(), e.getCause());
            throw new SweepFailedException("the sweep's Spark job failed, most likely a trial that could not be "
                    + "committed on any of its tries (committed trials are kept, a rerun resumes); its root cause: "
                    + root, e.getCause());
        }
    }

    /** Saves the resolved configuration as sweep.conf (latest) and runs/&lt;time&gt;.conf (history). */
    private static void saveConfiguration(SweepPlan plan, ResultLayout layout, Configuration hadoop) {
        String text = plan.config().render();
        String runName = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        for (Path file : List.of(layout.sweepConf(), layout.runConf(runName))) {
            ResultFiles.write(file.toString(), text, hadoop);
        }
    }
}
