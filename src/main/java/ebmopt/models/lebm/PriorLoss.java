package ebmopt.models.lebm;

import ebmopt.models.Logistic;

/**
 * The prior's losses on the values f of a {@link PriorBatch} (minimised), each with its
 * derivative dL/df per row. Every row's term depends on its own f alone, so the loss of a batch
 * is the sum of the losses of any split of its rows: {@code f} may be the values of the rows
 * from {@code from} on, and {@code df} is written for the same rows.
 */
final class PriorLoss {
    private PriorLoss() {
    }

    /**
     * The negated N2CE objective (docs/methods.md section 2), per row
     * weight * softplus(sign * (log M - f)): for a positive (sign +1) -log sigmoid(f - log M),
     * for a negative (sign -1) -log(1 - sigmoid(f - log M)); plus {@code penalty} * mean f^2
     * over all the batch's rows (the ratio penalty of Sec. 3.3). Writes dL/df into {@code df}.
     */
    static double n2ce(float[] f, int from, PriorBatch batch, double logM, double penalty, float[] df) {
        double loss = 0;
        int n = batch.rows();
        for (int i = 0; i < f.length; i++) {
            double s = batch.sign()[from + i];
            double w = batch.weight()[from + i];
            double u = s * (logM - f[i]);
            loss += w * Logistic.softplus(u);
            // d Logistic.softplus(u)/df = Logistic.sigmoid(u) * (-s)
            df[i] = (float) (-s * w * Logistic.sigmoid(u) + penaltyGradient(f[i], penalty, n));
            loss += penaltyLoss(f[i], penalty, n);
        }
        return loss;
    }

    /**
     * MLE: mean f(negatives) - mean f(positives), i.e. sum of -sign * weight * f; plus
     * {@code penalty} * mean f^2 over all the batch's rows, as for N2CE. Writes dL/df into {@code df}.
     */
    static double mle(float[] f, int from, PriorBatch batch, double penalty, float[] df) {
        double loss = 0;
        int n = batch.rows();
        for (int i = 0; i < f.length; i++) {
            double c = -batch.sign()[from + i] * batch.weight()[from + i];
            loss += c * f[i] + penaltyLoss(f[i], penalty, n);
            df[i] = (float) (c + penaltyGradient(f[i], penalty, n));
        }
        return loss;
    }

    /** One row's share of penalty * mean f^2 over the batch's n rows. */
    private static double penaltyLoss(double f, double penalty, int n) {
        return penalty * f * f / n;
    }

    private static double penaltyGradient(double f, double penalty, int n) {
        return 2 * penalty * f / n;
    }
}
