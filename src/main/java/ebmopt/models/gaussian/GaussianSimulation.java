package ebmopt.models.gaussian;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * One run of gradient ascent a &lt;- a + eta * g(a) from a0, recording after every step the
 * squared distance to a* and the squared error of g against the exact MLE gradient a* - a.
 */
public final class GaussianSimulation {
    private GaussianSimulation() {
    }

    /**
     * The trajectory of one run.
     *
     * @param squaredDistance     |a_t - a*|^2 for t = 0..T-1 (before step t)
     * @param gradientError       |g_t - (a* - a_t)|^2 for t = 0..T-1
     * @param finalSquaredDistance |a_T - a*|^2
     */
    public record Trajectory(double[] squaredDistance, double[] gradientError, double finalSquaredDistance) {

        /** The paper's metric: (1/T) sum_{t&lt;T} |a_t - a*|^2. */
        public double meanSquaredDistance() {
            return mean(squaredDistance);
        }

        public double meanGradientError() {
            return mean(gradientError);
        }

        private static double mean(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }
    }

    /** Runs the simulation with {@code seed}; {@code onStep} hears each finished step. */
    public static Trajectory run(GaussianParams p, long seed, LongConsumer onStep) {
        int d = p.dim();
        double[] target = p.target().stream().mapToDouble(Double::doubleValue).toArray();
        double[] a = p.start().stream().mapToDouble(Double::doubleValue).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] positives = new double[p.samples() * d];
        double[] negatives = new double[p.samples() * d];
        double[] distances = new double[p.iterations()];
        double[] errors = new double[p.iterations()];
        for (int t = 0; t < p.iterations(); t++) {
            if (t == 0 || p.sampleRefresh() == SampleRefresh.EVERY_ITERATION) {
                draw(rng, target, positives);
                draw(rng, null, negatives);
            }
            double[] g = GaussianGradients.gradient(p.objective(), p.noiseMagnitude(), a, positives, negatives, target);
            double dist = 0;
            double err = 0;
            for (int i = 0; i < d; i++) {
                double gap = target[i] - a[i];
                dist += gap * gap;
                err += (g[i] - gap) * (g[i] - gap);
            }
            distances[t] = dist;
            errors[t] = err;
            for (int i = 0; i < d; i++) {
                a[i] += p.stepSize() * g[i];
            }
            onStep.accept(t + 1);
        }
        double last = 0;
        for (int i = 0; i < d; i++) {
            last += (a[i] - target[i]) * (a[i] - target[i]);
        }
        return new Trajectory(distances, errors, last);
    }

    /** Fills {@code out} with standard normal rows shifted by {@code mean} (null: zero mean). */
    private static void draw(SplittableRandom rng, double[] mean, double[] out) {
        int d = mean == null ? 1 : mean.length;
        for (int k = 0; k < out.length; k++) {
            out[k] = rng.nextGaussian() + (mean == null ? 0 : mean[k % d]);
        }
    }
}
