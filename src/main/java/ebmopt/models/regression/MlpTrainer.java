package ebmopt.models.regression;

/**
 * The one seam through which plain-MSE regressors (the gradient-ascent forward model,
 * decoupled COMs' f_omega) are trained: local ({@link LocalMlpTrainer}) or data-parallel on
 * a cluster, the callers cannot tell.
 */
@FunctionalInterface
public interface MlpTrainer {

    /**
     * Fits f(x) ~ y by mean squared error.
     *
     * @param x        the inputs, one row per example (n x d)
     * @param y        the targets (n)
     * @param settings network and schedule
     * @param seed     every random draw (initial weights, minibatch order) derives from it
     */
    Regressor train(double[][] x, double[] y, RegressionSettings settings, long seed);
}
