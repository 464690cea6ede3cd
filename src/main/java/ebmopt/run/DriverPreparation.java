package ebmopt.run;

import ebmopt.experiment.Experiment;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.sweep.TrialSpec;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.List;

/**
 * Hands the trials about to run to their experiment's driver-side preparation
 * ({@link Experiment#prepareOnDriver}) before any of them starts, e.g. so that a re-trained
 * oracle exists before executors need it. The runner does not know what an experiment prepares.
 */
final class DriverPreparation {
    private DriverPreparation() {
    }

    static void prepare(SparkSession spark, SweepPlan plan, List<TrialSpec> pending) {
        if (!pending.isEmpty()) {
            prepare(ExperimentRegistry.get(plan.settings().job().experiment()), spark, plan, pending);
        }
    }

    private static <P extends Record> void prepare(Experiment<P> experiment, SparkSession spark, SweepPlan plan,
                                                   List<TrialSpec> pending) {
        experiment.prepareOnDriver(spark, Path.of(plan.settings().dataDir()), plan.paramsOf(experiment, pending));
    }
}
