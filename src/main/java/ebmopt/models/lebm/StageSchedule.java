package ebmopt.models.lebm;

import java.util.Arrays;
import java.util.List;

/**
 * The multi-stage ratio estimation's path from the noise q0 = N(0, I) to the aggregate
 * posterior (docs/methods.md section 4). Level k = 0..K mixes z_k = sqrt(1 - s_k^2) z_0 + s_k z_post;
 * stage k's ratio r_k = q_{s_k} / q_{s_(k-1)} with s_(-1) = 0 (the noise itself), so the
 * telescoped product of the K + 1 ratios is q_{s_K} / q0, with s_K ~ 1 the target. The paper's
 * lists have K + 1 entries for K stages; we read them as these K + 1 levels (the stages run
 * k = 0..K, as the prior's product does).
 *
 * @param squared s_k^2 for k = 0..K, strictly increasing in (0, 1]
 * @param weights the stage weight w_k of each stage's loss
 */
record StageSchedule(double[] squared, double[] weights) {

    /** The paper's K = 6 list (design-bench runs). */
    static final double[] PAPER_K6 = {0.01, 0.3237, 0.5165, 0.6322, 0.7132, 0.7734, 0.9997};
    /** The paper's K = 3 list. */
    static final double[] PAPER_K3 = {0.01, 0.69175489, 0.92238785, 0.99974058};

    /**
     * The schedule for K stages: {@code explicit} if non-empty (K + 1 values of s_k^2), else
     * the paper's list for K = 3 or 6, else K + 1 values linear in s^2 from 0.01 to 0.9997
     * (the paper calls its lists "linear"; K = 0 is the single ratio to s^2 = 0.9997).
     */
    static StageSchedule of(int stages, List<Double> explicit, StageWeighting weighting) {
        double[] sq;
        if (!explicit.isEmpty()) {
            sq = explicit.stream().mapToDouble(Double::doubleValue).toArray();
            if (sq.length != stages + 1) {
                throw new IllegalArgumentException("stage-schedule has " + sq.length + " entries; stages = " + stages
                        + " needs " + (stages + 1) + " (s_k^2 for k = 0..K)");
            }
        } else if (stages == 6) {
            sq = PAPER_K6.clone();
        } else if (stages == 3) {
            sq = PAPER_K3.clone();
        } else if (stages == 0) {
            sq = new double[] {0.9997};
        } else {
            sq = new double[stages + 1];
            for (int k = 0; k <= stages; k++) {
                sq[k] = 0.01 + (0.9997 - 0.01) * k / stages;
            }
        }
        for (int k = 0; k < sq.length; k++) {
            if (!(sq[k] > 0 && sq[k] <= 1) || (k > 0 && !(sq[k] > sq[k - 1]))) {
                throw new IllegalArgumentException("stage-schedule must increase strictly within (0, 1]: "
                        + Arrays.toString(sq));
            }
        }
        return new StageSchedule(sq, weights(sq, weighting));
    }

    static double[] weights(double[] squared, StageWeighting weighting) {
        int n = squared.length;
        double[] w = new double[n];
        double sK = Math.sqrt(squared[n - 1]);
        for (int k = 0; k < n; k++) {
            double prod = 1;
            for (int i = k; i < n; i++) {
                prod *= Math.sqrt(squared[i]);
            }
            w[k] = switch (weighting) {
                case PRINTED, REVERSED -> Math.sqrt(sK / prod);
                case UNIFORM -> 1.0;
            };
        }
        if (weighting == StageWeighting.REVERSED) {
            for (int i = 0, j = n - 1; i < j; i++, j--) {
                double t = w[i];
                w[i] = w[j];
                w[j] = t;
            }
        }
        return w;
    }

    /** The number of ratio stages, K + 1. */
    int stages() {
        return squared.length;
    }

    /** s of the positives of stage k. */
    double positiveLevel(int k) {
        return Math.sqrt(squared[k]);
    }

    /** s of the negatives of stage k (0: the noise, for k = 0). */
    double negativeLevel(int k) {
        return k == 0 ? 0.0 : Math.sqrt(squared[k - 1]);
    }
}
