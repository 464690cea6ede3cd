package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The N2CE and MLE losses of the prior against hand computations. */
class PriorLossTest {

    @Test
    void n2ceLossIsTheNegatedObjectiveOfEquation5() {
        // one positive f = 2, two negatives f = 0 and -1, M = 2, n1 = 1 (so M/n2 = 1), weight 1
        PriorBatch batch = new PriorBatch(null, new int[] {3}, new float[] {1, -1, -1}, new float[] {1, 1, 1});
        float[] f = {2f, 0f, -1f};
        float[] df = new float[3];
        double logM = Math.log(2);
        double loss = PriorLoss.n2ce(f, 0, batch, logM, 0, df);
        // L_M = log r/(M + r) at the positive + M/n2 sum log M/(M + r) at the negatives, r = e^f
        double r0 = Math.exp(2);
        double objective = Math.log(r0 / (2 + r0)) + Math.log(2 / (2 + 1.0)) + Math.log(2 / (2 + Math.exp(-1)));
        assertEquals(-objective, loss, 1e-6);
        // dL/df: positive -M/(M + r), negatives r/(M + r)
        assertArrayEquals(new float[] {(float) (-2 / (2 + r0)), (float) (1 / 3.0), (float) (Math.exp(-1) / (2 + Math.exp(-1)))},
                df, 1e-6f);
    }

    @Test
    void penaltyAddsMeanSquaredValue() {
        PriorBatch batch = new PriorBatch(null, new int[] {2}, new float[] {1, -1}, new float[] {0, 0});
        float[] df = new float[2];
        double loss = PriorLoss.n2ce(new float[] {3f, -1f}, 0, batch, 0, 0.5, df);
        assertEquals(0.5 * (9 + 1) / 2, loss, 1e-9);
        assertArrayEquals(new float[] {1.5f, -0.5f}, df, 1e-6f);
    }

    @Test
    void theLossOfRowsSplitInTwoIsTheLossOfTheWhole() {
        PriorBatch batch = new PriorBatch(null, new int[] {4}, new float[] {1, -1, -1, 1}, new float[] {0.5f, 2, 1, 0.25f});
        float[] f = {2f, 0.5f, -1f, 0.3f};
        float[] whole = new float[4];
        double expected = PriorLoss.n2ce(f, 0, batch, 0.7, 0.1, whole);
        float[] head = new float[1];
        float[] tail = new float[3];
        double split = PriorLoss.n2ce(new float[] {2f}, 0, batch, 0.7, 0.1, head)
                + PriorLoss.n2ce(new float[] {0.5f, -1f, 0.3f}, 1, batch, 0.7, 0.1, tail);
        assertEquals(expected, split, 1e-12);
        assertArrayEquals(whole, new float[] {head[0], tail[0], tail[1], tail[2]}, 0f);
        float[] mleTail = new float[3];
        assertEquals(PriorLoss.mle(f, 0, batch, 0.1, whole), PriorLoss.mle(new float[] {2f}, 0, batch, 0.1, head)
                + PriorLoss.mle(new float[] {0.5f, -1f, 0.3f}, 1, batch, 0.1, mleTail), 1e-12);
        assertArrayEquals(whole, new float[] {head[0], mleTail[0], mleTail[1], mleTail[2]}, 0f);
    }

    @Test
    void mleLossIsNegativesMeanMinusPositivesMean() {
        PriorBatch batch = PriorBatch.mle(new float[][] {{0f}, {1f}}, new float[][] {{2f}, {3f}, {4f}, {5f}});
        float[] f = {1f, 3f, 0f, 0f, 2f, 2f};
        float[] df = new float[6];
        assertEquals(1.0 - 2.0, PriorLoss.mle(f, 0, batch, 0, df), 1e-9);
        assertArrayEquals(new float[] {-0.5f, -0.5f, 0.25f, 0.25f, 0.25f, 0.25f}, df, 1e-7f);
    }

    @Test
    void mlePenaltyAddsMeanSquaredValueOverAllRows() {
        PriorBatch batch = PriorBatch.mle(new float[][] {{0f}, {1f}}, new float[][] {{2f}, {3f}, {4f}, {5f}});
        float[] f = {1f, 3f, 0f, 0f, 2f, 2f};
        float[] df = new float[6];
        // 1.0 - 2.0 as above, plus 0.3 * (1 + 9 + 0 + 0 + 4 + 4) / 6
        assertEquals(-1.0 + 0.3 * 18 / 6, PriorLoss.mle(f, 0, batch, 0.3, df), 1e-9);
        // and each row's derivative gains 2 * 0.3 * f / 6
        assertArrayEquals(new float[] {-0.5f + 0.1f, -0.5f + 0.3f, 0.25f, 0.25f, 0.25f + 0.2f, 0.25f + 0.2f}, df,
                1e-6f);
    }

    @Test
    void n2ceBatchDrawsPositivesAndNegativesAtTheScheduleLevels() {
        StageSchedule schedule = StageSchedule.of(1, java.util.List.of(0.25, 1.0), StageWeighting.UNIFORM);
        int n1 = 400;
        float[][] posterior = new float[n1][1];
        for (float[] row : posterior) {
            row[0] = 3f;
        }
        PriorBatch batch = PriorBatch.n2ce(posterior, schedule, 4, new SplittableRandom(1));
        assertEquals(n1 * 5, batch.rows());
        assertEquals(n1 * 5, batch.counts()[0] + batch.counts()[1]);
        // stage 0: positives at s = 0.5 (mean 1.5, sd sqrt(0.75)); negatives the noise (mean 0)
        // stage 1: positives at s = 1 (exactly 3); negatives at s = 0.5
        double[] sum = new double[4];
        int[] n = new int[4];
        int row = 0;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < batch.counts()[k]; i++, row++) {
                int slot = 2 * k + (batch.sign()[row] > 0 ? 0 : 1);
                sum[slot] += batch.z().getDouble(row, 0);
                n[slot]++;
                assertEquals(1f / n1, batch.weight()[row], 1e-9);
            }
        }
        assertEquals(4 * n[0], n[1]);
        assertEquals(1.5, sum[0] / n[0], 0.25);
        assertEquals(0.0, sum[1] / n[1], 0.12);
        assertEquals(3.0, sum[2] / n[2], 1e-6);
        assertEquals(1.5, sum[3] / n[3], 0.12);
    }
}
