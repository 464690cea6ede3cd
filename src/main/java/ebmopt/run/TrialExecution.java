package ebmopt.run;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.Experiment;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.experiment.IdleCores;
import ebmopt.experiment.TrialDivergedException;
import ebmopt.experiment.TrialOutcome;
import ebmopt.results.CheckpointStore;
import ebmopt.results.TrialCommitter;
import ebmopt.results.TrialRecord;
import ebmopt.results.TrialStatus;
import ebmopt.sweep.TrialSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs one trial inside a Spark task (or on the driver, {@link #callOnDriver}) and commits
 * its rows. Trial failures (an exception from the experiment, a NaN) are recorded and not
 * retried by Spark (one caused by missing data or I/O as retryable: {@link FailureCause});
 * a failure to commit is an infrastructure failure and is thrown, so that Spark
 * retries the task.
 */
public final class TrialExecution implements Function<TrialSpec, TrialSummary> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrialExecution.class);
    private static final int MAX_ERROR_CHARS = 4000;

    private final RunContext run;
    private final SweepCounters counters;

    public TrialExecution(RunContext run, SweepCounters counters) {
        this.run = run;
        this.counters = counters;
    }

    @Override
    public TrialSummary call(TrialSpec trial) throws IOException {
        return execute(trial, null);
    }

    /** Runs {@code trial} in the driver's thread, its context holding the driver's Spark context. */
    TrialSummary callOnDriver(TrialSpec trial, JavaSparkContext spark) throws IOException {
        return execute(trial, spark);
    }

    private TrialSummary execute(TrialSpec trial, JavaSparkContext spark) throws IOException {
        long started = System.currentTimeMillis();
        // Before the trial allocates anything: ND4J on the GPU Spark gave this task, if any.
        Map<String, String> resources = GpuBinding.assigned();
        GpuBinding.bind(resources);
        Experiment<?> experiment = ExperimentRegistry.get(trial.experiment());
        Record params = RecordBinder.bind(ConfigFactory.parseString(trial.paramsJson()), "params",
                experiment.paramsType());
        TrialOutcome outcome = new TrialOutcome();
        TrialStatus status = TrialStatus.DONE;
        String error = null;
        Configuration hadoop = new Configuration();
        CheckpointStore checkpoints = new CheckpointStore(run.layout(), trial.trialId(), hadoop,
                run.checkpointIntervalMs(), run.keepFinalState());
        // the trial occupies a core: the cores no trial occupies are lent to trials' halves (IdleCores)
        limitIdleCoresToTheExecutors();
        IdleCores.Occupation core = IdleCores.occupy();
        try {
            outcome = runTyped(experiment, params, new LoggingTrialContext(trial, Path.of(run.dataDir()),
                    run.trialProgressIntervalMs(), spark, checkpoints));
            String nonFinite = outcome.firstNonFiniteMetric();
            if (nonFinite != null) {
                status = TrialStatus.DIVERGED;
                error = "metric " + nonFinite + " = " + outcome.metrics().get(nonFinite);
            }
        } catch (TrialDivergedException e) {
            status = TrialStatus.DIVERGED;
            error = e.getMessage();
            outcome = e.recorded().orElse(outcome);
        } catch (Exception | AssertionError | StackOverflowError e) {
            status = FailureCause.statusOf(e);
            error = stackTrace(e);
            LOG.warn("trial {} ({}) failed{}: {}", trial.trialId(), trial.describe(),
                    status == TrialStatus.RETRYABLE ? " (retryable: the next run runs it again)" : "", e.toString());
        } finally {
            core.close();
        }
        long wall = System.currentTimeMillis() - started;
        TaskContext task = TaskContext.get();
        TrialRecord record = new TrialRecord(trial.trialId(), run.sweep(), run.scale(), trial.experiment(),
                trial.replicate(), trial.seed(), status, error, params, outcome.metrics(), trial.paramsJson(),
                run.codeVersion(), outcome.backend(), Provenance.host(), resources, outcome.dataChecksums(),
                started, wall, task == null ? 0 : task.attemptNumber());
        TrialCommitter.Result committed = new TrialCommitter(run.layout(), hadoop)
                .commit(record, outcome.curves(), outcome.candidates());
        // committed (by this attempt or an earlier one): nothing left to resume
        checkpoints.clear();
        String label = committed == TrialCommitter.Result.ALREADY_DONE ? TrialSummary.DROPPED : status.label();
        count(label, trial.cost());
        return new TrialSummary(trial.trialId(), trial.describe(), label, firstLine(error), wall);
    }

    /** In an executor given fewer cores than its machine has, lends only those (local mode: all). */
    private static void limitIdleCoresToTheExecutors() {
        org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
        if (env != null && env.conf().contains("spark.executor.cores")) {
            IdleCores.limitTo(env.conf().getInt("spark.executor.cores", Runtime.getRuntime().availableProcessors()));
        }
    }

    private void count(String label, double cost) {
        switch (label) {
            case "done" -> counters.done().add(1);
            case "failed", "retryable" -> counters.failed().add(1);
            case "diverged" -> counters.diverged().add(1);
            default -> counters.dropped().add(1);
        }
        counters.cost().add(cost);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> TrialOutcome runTyped(Experiment<P> experiment, Record params,
                                                           LoggingTrialContext context) throws Exception {
        return experiment.run((P) params, context);
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        String text = out.toString();
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "\n..." : text;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
