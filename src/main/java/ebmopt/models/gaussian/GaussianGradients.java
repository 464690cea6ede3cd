package ebmopt.models.gaussian;

import ebmopt.models.Logistic;

/**
 * The empirical gradients, with respect to a, of the ratio-estimation objectives for the
 * location family (docs/methods.md section 3). With f_a(x) = a.x - |a|^2/2 (the log-ratio of
 * N(a, I) to q0 = N(0, I)) and grad_a f_a(x) = x - a:
 *
 * <pre>
 * N2CE(M):      (1/n) sum_i M/(M + r(x*_i)) (x*_i - a)  -  (M/n) sum_j r(x0_j)/(M + r(x0_j)) (x0_j - a)
 * neg-reweight: (1/n) sum_i 1/(1 + r(x*_i)) (x*_i - a)  -  (M/n) sum_j r(x0_j)/(M + r(x0_j)) (x0_j - a)
 * NWJ:          (1/n) sum_i (x*_i - a)                   -  (1/n) sum_j r(x0_j) (x0_j - a)
 * MLE:          a* - a
 * </pre>
 *
 * The weights are computed through the sigmoid of f - log M, which stays finite for any M
 * (M = 1e9 included). Samples are row-major arrays of n rows of d values.
 */
public final class GaussianGradients {
    private GaussianGradients() {
    }

    /** f_a(x) = a.x - |a|^2 / 2 for row {@code row} of {@code x}. */
    public static double logRatio(double[] a, double[] x, int row) {
        int d = a.length;
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < d; i++) {
            dot += a[i] * x[row * d + i];
            norm += a[i] * a[i];
        }
        return dot - norm / 2;
    }

    /**
     * The gradient estimate of {@code objective} at {@code a}.
     *
     * @param positives n samples of q* (ignored by MLE)
     * @param negatives n samples of q0 (ignored by MLE)
     * @param target    a*, used only by MLE
     */
    public static double[] gradient(GaussianObjective objective, double noiseMagnitude, double[] a,
                                    double[] positives, double[] negatives, double[] target) {
        int d = a.length;
        double[] g = new double[d];
        if (objective == GaussianObjective.MLE) {
            for (int i = 0; i < d; i++) {
                g[i] = target[i] - a[i];
            }
            return g;
        }
        double logM = Math.log(noiseMagnitude);
        int nPos = positives.length / d;
        for (int row = 0; row < nPos; row++) {
            double f = logRatio(a, positives, row);
            double w = switch (objective) {
                case N2CE -> Logistic.sigmoid(logM - f);          // M / (M + r)
                case NEG_REWEIGHT -> Logistic.sigmoid(-f);        // 1 / (1 + r)
                case NWJ -> 1.0;
                case MLE -> throw new IllegalStateException();
            };
            accumulate(g, w / nPos, positives, row, a);
        }
        int nNeg = negatives.length / d;
        for (int row = 0; row < nNeg; row++) {
            double f = logRatio(a, negatives, row);
            double w = objective == GaussianObjective.NWJ
                    ? Math.exp(f)                              // r
                    : noiseMagnitude * Logistic.sigmoid(f - logM);      // M r / (M + r)
            accumulate(g, -w / nNeg, negatives, row, a);
        }
        return g;
    }

    /**
     * The empirical objective whose gradient {@link #gradient} returns (to be maximised); used
     * to check the gradients against finite differences.
     */
    public static double objective(GaussianObjective objective, double noiseMagnitude, double[] a,
                                   double[] positives, double[] negatives) {
        int d = a.length;
        double logM = Math.log(noiseMagnitude);
        double value = 0;
        int nPos = positives.length / d;
        for (int row = 0; row < nPos; row++) {
            double f = logRatio(a, positives, row);
            value += switch (objective) {
                case N2CE -> -Logistic.softplus(logM - f);        // log r/(M + r)
                case NEG_REWEIGHT -> -Logistic.softplus(-f);      // log r/(1 + r)
                case NWJ -> f;
                case MLE -> throw new IllegalArgumentException("MLE has no sample objective here");
            } / nPos;
        }
        int nNeg = negatives.length / d;
        for (int row = 0; row < nNeg; row++) {
            double f = logRatio(a, negatives, row);
            value += (objective == GaussianObjective.NWJ ? -Math.exp(f)
                    : -noiseMagnitude * Logistic.softplus(f - logM)) / nNeg;   // M log M/(M + r)
        }
        return value;
    }

    private static void accumulate(double[] g, double weight, double[] x, int row, double[] a) {
        int d = a.length;
        for (int i = 0; i < d; i++) {
            g[i] += weight * (x[row * d + i] - a[i]);
        }
    }
}
