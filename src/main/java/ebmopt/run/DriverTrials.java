package ebmopt.run;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.Experiment;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.sweep.TrialSpec;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trials that run on the driver ({@link Experiment#runsOnDriver}): those that start
 * Spark jobs of their own and so need the driver's Spark context. They run one after
 * another in the driver's thread, each through the same {@link TrialExecution} as an
 * executor task (same commit, same counters), and each may use the whole cluster.
 * A failure to commit ends the sweep (a rerun resumes); a trial failure is recorded.
 */
final class DriverTrials {
    private static final Logger LOG = LoggerFactory.getLogger(DriverTrials.class);

    private DriverTrials() {
    }

    /** Whether {@code trial}'s experiment asks to run it on the driver. */
    static boolean runsOnDriver(TrialSpec trial) {
        Experiment<?> experiment = ExperimentRegistry.get(trial.experiment());
        Record params = RecordBinder.bind(ConfigFactory.parseString(trial.paramsJson()), "params",
                experiment.paramsType());
        return asks(experiment, params);
    }

    /** Runs {@code trials} in order on the driver; a progress line after each. */
    static List<TrialSummary> run(String sweep, List<TrialSpec> trials, TrialExecution execution,
                                  JavaSparkContext spark, ProgressMonitor monitor) {
        List<TrialSummary> summaries = new ArrayList<>();
        int index = 0;
        for (TrialSpec trial : trials) {
            index++;
            LOG.info("[sweep {}] driver trial {}/{}: {} ({})", sweep, index, trials.size(), trial.trialId(),
                    trial.describe());
            spark.setJobDescription("sweep " + sweep + ": driver trial " + trial.trialId() + " (" + trial.describe()
                    + ")");
            try {
                summaries.add(execution.callOnDriver(trial, spark));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit driver trial " + trial.trialId()
                        + " (committed trials are kept, a rerun resumes)", e);
            } finally {
                spark.setJobDescription(null);
            }
            monitor.report();
        }
        return summaries;
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> boolean asks(Experiment<P> experiment, Record params) {
        return experiment.runsOnDriver((P) params);
    }
}
