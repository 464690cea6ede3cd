package ebmopt.models.coms;

import ebmopt.sampling.GradientAscent;
import ebmopt.sampling.Langevin;
import ebmopt.sampling.LogDensity;
import ebmopt.sampling.StepSchedule;

import java.util.SplittableRandom;

/**
 * How chains move over a log-density: COMs' gradient ascent x &lt;- x + eta_t grad l(x), or
 * Langevin dynamics x &lt;- x + (e_t^2 / 2) grad l(x) + e_t z, for {@code steps} steps with a
 * constant or geometric schedule of eta_t or e_t.
 *
 * @param langevin whether to add noise (Langevin) or not (ascent)
 * @param steps    steps per chain (k of CD-k in training)
 * @param schedule eta_t (ascent) or e_t (Langevin)
 */
record ChainSampler(boolean langevin, int steps, StepSchedule schedule) {

    static ChainSampler ascent(int steps, StepSchedule schedule) {
        return new ChainSampler(false, steps, schedule);
    }

    static ChainSampler langevin(int steps, StepSchedule schedule) {
        return new ChainSampler(true, steps, schedule);
    }

    /** Runs every row of {@code start} (not modified) as a chain; returns the final points. */
    double[][] run(LogDensity density, double[][] start, SplittableRandom rng) {
        if (steps == 0) {
            return start;
        }
        return langevin ? Langevin.run(density, start, steps, schedule, rng, t -> { })
                : GradientAscent.run(density, start, steps, schedule, t -> { });
    }
}
