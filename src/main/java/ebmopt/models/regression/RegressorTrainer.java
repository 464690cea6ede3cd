package ebmopt.models.regression;

import org.apache.spark.api.java.JavaSparkContext;

import java.util.Optional;

/**
 * Trains a {@link Regressor} on (x, y) to mean squared error. The same call trains locally or
 * data-parallel on the cluster, as {@link RegressorSettings#trainer()} asks.
 */
@FunctionalInterface
public interface RegressorTrainer {

    /**
     * Fits f to rows {@code x} (n x d) and targets {@code y} (n); every random draw (weights,
     * minibatch order, Spark's splits) derives from {@code seed}.
     *
     * @throws ebmopt.experiment.TrialDivergedException when training ends with non-finite parameters
     */
    Regressor fit(double[][] x, double[] y, RegressorSettings settings, long seed);

    /**
     * The trainer a trial uses: local training for {@code trainer = local}; for
     * {@code trainer = spark}, data-parallel training on {@code spark}, the driver's context,
     * which a trial has only when it runs on the driver ({@code TrialContext.sparkContext()}).
     */
    static RegressorTrainer forContext(Optional<JavaSparkContext> spark) {
        return (x, y, settings, seed) -> switch (settings.trainer()) {
            case LOCAL -> new LocalRegressorTrainer().fit(x, y, settings, seed);
            case SPARK -> new SparkRegressorTrainer(spark.orElseThrow(() -> new IllegalStateException(
                    "trainer = spark needs the driver's Spark context, and this trial runs in an executor task: its "
                            + "experiment must declare Experiment.runsOnDriver(params) true for such trials")))
                    .fit(x, y, settings, seed);
        };
    }
}
