package ebmopt.models.coms;

import ebmopt.experiment.TrialOutcome;
import ebmopt.tasks.SpiralTask;

import java.util.HashSet;
import java.util.Set;

/**
 * What the COMs-as-EBM paper shows in its spiral pictures, as numbers over a set of samples
 * (docs/methods.md section 5): how many lie on the spiral, how good they are, how spread out.
 *
 * <ul>
 *   <li>{@code valid_fraction}: samples within {@link SpiralTask#VALID_DISTANCE} of the curve;</li>
 *   <li>{@code mean_reward}, {@code mean_reward_valid}: the true reward r(x) = exp(-|x|^2) of all
 *       samples and of valid ones (0 when none is valid);</li>
 *   <li>{@code valid_near_centre_fraction}: valid samples within {@link #CENTRE_RADIUS} of the origin
 *       (the "best" samples: valid and close to the centre);</li>
 *   <li>{@code diversity}: the mean pairwise distance;</li>
 *   <li>{@code distinct_fraction}: occupied cells of a {@link #CELL} grid per sample (1: all
 *       apart; 1/n: all in one cell, a collapse onto a mode).</li>
 * </ul>
 */
final class SpiralMetrics {
    static final double CENTRE_RADIUS = 0.6;
    static final double CELL = 0.05;

    private SpiralMetrics() {
    }

    static void record(TrialOutcome outcome, double[][] samples) {
        int n = samples.length;
        int valid = 0;
        int nearCentre = 0;
        double reward = 0;
        double rewardValid = 0;
        Set<Long> cells = new HashSet<>();
        for (double[] s : samples) {
            double r = SpiralTask.reward(s[0], s[1]);
            reward += r;
            if (SpiralTask.isValid(s[0], s[1])) {
                valid++;
                rewardValid += r;
                if (Math.hypot(s[0], s[1]) <= CENTRE_RADIUS) {
                    nearCentre++;
                }
            }
            cells.add(Math.floorDiv((long) Math.floor(s[0] / CELL), 1) * 1_000_003L + (long) Math.floor(s[1] / CELL));
        }
        double pairwise = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairwise += Math.hypot(samples[i][0] - samples[j][0], samples[i][1] - samples[j][1]);
            }
        }
        outcome.metric("valid_fraction", (double) valid / n)
                .metric("mean_reward", reward / n)
                .metric("mean_reward_valid", valid == 0 ? 0 : rewardValid / valid)
                .metric("valid_near_centre_fraction", (double) nearCentre / n)
                .metric("diversity", n > 1 ? pairwise / (n * (n - 1) / 2.0) : 0)
                .metric("distinct_fraction", (double) cells.size() / n);
    }
}
