package ebmopt.models.lebm;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One batch of the prior's ratio estimation: latent rows in contiguous stage blocks, each
 * row's sign (+1 a positive, -1 a negative) and its weight in the loss, and dL/df.
 *
 * @param z      the rows [n, latent]
 * @param counts rows per stage block
 * @param sign   +1 for a positive, -1 for a negative, per row
 * @param weight each row's weight in the loss
 */
record PriorBatch(INDArray z, int[] counts, float[] sign, float[] weight) {

    /**
     * The N2CE batch (docs/methods.md sections 2 and 4): every posterior sample z_post,i draws a
     * stage k uniformly; its positive is sqrt(1 - s_k^2) e + s_k z_post,i (level k) and its M
     * negatives are sqrt(1 - s_(k-1)^2) e' + s_(k-1) z_post,i (level k - 1; the noise for
     * k = 0), with fresh noise each. With n2 = M n1 every row's weight is w_k / n1: the
     * positives' 1/n1 and the negatives' M/n2 coincide.
     */
    static PriorBatch n2ce(float[][] posterior, StageSchedule schedule, int negativesPerPositive,
                           SplittableRandom rng) {
        int n1 = posterior.length;
        int d = posterior[0].length;
        int stages = schedule.stages();
        int[] stageOf = new int[n1];
        int[] perStage = new int[stages];
        for (int i = 0; i < n1; i++) {
            stageOf[i] = rng.nextInt(stages);
            perStage[stageOf[i]]++;
        }
        int rowsPerPositive = 1 + negativesPerPositive;
        int n = n1 * rowsPerPositive;
        float[] z = new float[n * d];
        float[] sign = new float[n];
        float[] weight = new float[n];
        int[] counts = new int[stages];
        int row = 0;
        for (int k = 0; k < stages; k++) {
            double sp = schedule.positiveLevel(k);
            double sn = schedule.negativeLevel(k);
            float w = (float) (schedule.weights()[k] / n1);
            // positives of stage k, then its negatives
            for (int pass = 0; pass < 2; pass++) {
                double s = pass == 0 ? sp : sn;
                double a = Math.sqrt(1 - s * s);
                int copies = pass == 0 ? 1 : negativesPerPositive;
                for (int i = 0; i < n1; i++) {
                    if (stageOf[i] != k) {
                        continue;
                    }
                    for (int c = 0; c < copies; c++) {
                        for (int j = 0; j < d; j++) {
                            z[row * d + j] = (float) (a * rng.nextGaussian() + s * posterior[i][j]);
                        }
                        sign[row] = pass == 0 ? 1f : -1f;
                        weight[row] = w;
                        row++;
                    }
                }
            }
            counts[k] = perStage[k] * rowsPerPositive;
        }
        return new PriorBatch(Nd4j.createFromArray(z).reshape(n, d), counts, sign, weight);
    }

    /**
     * The maximum-likelihood batch of MLE-LEBM (one stage): the loss mean f(negatives) - mean
     * f(positives), whose gradient is the MLE gradient E_p[grad f] - E_data[grad f].
     */
    static PriorBatch mle(float[][] positives, float[][] negatives) {
        int np = positives.length;
        int nn = negatives.length;
        int d = positives[0].length;
        float[] z = new float[(np + nn) * d];
        float[] sign = new float[np + nn];
        float[] weight = new float[np + nn];
        for (int i = 0; i < np + nn; i++) {
            float[] src = i < np ? positives[i] : negatives[i - np];
            System.arraycopy(src, 0, z, i * d, d);
            sign[i] = i < np ? 1f : -1f;
            weight[i] = i < np ? 1f / np : 1f / nn;
        }
        return new PriorBatch(Nd4j.createFromArray(z).reshape(np + nn, d), new int[] {np + nn}, sign, weight);
    }

    int rows() {
        return sign.length;
    }
}
