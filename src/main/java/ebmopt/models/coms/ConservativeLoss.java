package ebmopt.models.coms;

/**
 * The training loss of a conservative objective model over one batch, and its derivatives in
 * the network's outputs:
 *
 * <pre>
 * L = mseWeight * mean (f(x_i) - y_i)^2 + alpha * (mean f(x-_j) - mean f(x_i))
 *     + reg * (mean f(x_i)^2 + mean f(x-_j)^2)
 * </pre>
 *
 * COMs (Eq. 11): mseWeight 1, reg 0. The energy model of decoupled COMs (contrastive
 * divergence with f = log p_theta): mseWeight 0, alpha 1, reg a small weight keeping f bounded
 * (Du and Mordatch 2019).
 *
 * @param mseWeight      the weight of the regression term
 * @param alpha          the conservatism weight
 * @param regularisation the weight of the squared-output penalty
 */
record ConservativeLoss(double mseWeight, double alpha, double regularisation) {

    /** The loss at outputs {@code fPos} (with targets {@code y}) and {@code fNeg}. */
    double value(double[] fPos, double[] y, double[] fNeg) {
        double mse = 0;
        double pos = 0;
        double posSq = 0;
        for (int i = 0; i < fPos.length; i++) {
            mse += (fPos[i] - y[i]) * (fPos[i] - y[i]);
            pos += fPos[i];
            posSq += fPos[i] * fPos[i];
        }
        double neg = 0;
        double negSq = 0;
        for (double f : fNeg) {
            neg += f;
            negSq += f * f;
        }
        int n = fPos.length;
        int m = Math.max(1, fNeg.length);
        return mseWeight * mse / n + alpha * (fNeg.length == 0 ? 0 : neg / m - pos / n)
                + regularisation * (posSq / n + (fNeg.length == 0 ? 0 : negSq / m));
    }

    /** dL / d f(x_i). */
    double[] positiveGradient(double[] fPos, double[] y) {
        int n = fPos.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = (mseWeight * 2 * (fPos[i] - y[i]) - alpha + regularisation * 2 * fPos[i]) / n;
        }
        return g;
    }

    /** dL / d f(x-_j). */
    double[] negativeGradient(double[] fNeg) {
        int m = fNeg.length;
        double[] g = new double[m];
        for (int j = 0; j < m; j++) {
            g[j] = (alpha + regularisation * 2 * fNeg[j]) / m;
        }
        return g;
    }

    /** The overestimation mean f(x-) - mean f(x) that the dual ascent on alpha watches. */
    static double overestimation(double[] fPos, double[] fNeg) {
        return mean(fNeg) - mean(fPos);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }
}
