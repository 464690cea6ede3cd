package ebmopt.models.regression;

import org.apache.spark.api.java.JavaSparkContext;

import java.util.Optional;

/**
 * The one seam through which plain mean-squared-error regressors (the gradient-ascent forward
 * model, decoupled COMs' f_omega) are trained: {@link LocalRegressorTrainer} in the calling
 * thread (a hand-written {@link Mlp}), {@link SparkRegressorTrainer} data-parallel on the
 * cluster (a Deeplearning4j network, {@link NetworkRegressor}); callers cannot tell which.
 * {@link #forContext} picks one as {@link RegressorSettings#trainer()} asks.
 */
@FunctionalInterface
public interface RegressorTrainer {

    /**
     * Fits f to rows {@code x} (n x d) and targets {@code y} (n); every random draw (weights,
     * minibatch order, Spark's splits) derives from {@code seed}.
     *
     * @throws ebmopt.experiment.TrialDivergedException when data-parallel training ends with non-finite
     *                                                  parameters
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
