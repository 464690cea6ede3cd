package ebmopt.sampling;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Langevin dynamics: z &lt;- z + (s_t^2 / 2) grad l(z) + s_t * eps, eps ~ N(0, I)
 * (docs/methods.md sections 4 and 5). Each row of the starting points is one chain.
 */
public final class Langevin {
    private Langevin() {
    }

    /**
     * Runs {@code steps} steps from {@code start} (not modified) and returns the final points.
     *
     * @param onStep hears each finished step (1-based), for progress reports
     */
    public static double[][] run(LogDensity density, double[][] start, int steps, StepSchedule schedule,
                                 SplittableRandom rng, IntConsumer onStep) {
        double[][] z = Particles.copy(start);
        for (int t = 0; t < steps; t++) {
            double s = schedule.at(t, steps);
            double[][] g = density.gradient(z);
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < z[i].length; k++) {
                    z[i][k] += 0.5 * s * s * g[i][k] + s * rng.nextGaussian();
                }
            }
            onStep.accept(t + 1);
        }
        return z;
    }
}
