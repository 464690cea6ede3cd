package ebmopt.sampling;

import java.util.function.IntConsumer;

/**
 * Plain gradient ascent z &lt;- z + eta_t grad l(z): the mode-seeking sampler of COMs
 * (its negatives in training and its proposals, Eq. 12) and of the gradient-ascent baseline.
 */
public final class GradientAscent {
    private GradientAscent() {
    }

    /** Runs {@code steps} steps from {@code start} (not modified) and returns the final points. */
    public static double[][] run(LogDensity density, double[][] start, int steps, StepSchedule schedule,
                                 IntConsumer onStep) {
        double[][] z = Particles.copy(start);
        for (int t = 0; t < steps; t++) {
            double eta = schedule.at(t, steps);
            double[][] g = density.gradient(z);
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < z[i].length; k++) {
                    z[i][k] += eta * g[i][k];
                }
            }
            onStep.accept(t + 1);
        }
        return z;
    }
}
