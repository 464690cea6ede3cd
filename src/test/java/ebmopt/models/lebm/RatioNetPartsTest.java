package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ebmopt.experiment.IdleCores;
import ebmopt.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training pass in two parts ({@link RatioNet#trainingPass}) against the whole batch in one pass: the same values and gradients within float rounding, the
 * same result whether the parts ran at once or one after the other, and a few hundred training
 * iterations that stay with the one-pass path.
 */
class RatioNetPartsTest {
    private static final int LATENT = 5;
    private static final StageSchedule SCHEDULE = StageSchedule.of(6, List.of(), StageWeighting.PRINTED);

    @Test
    void countsWithinSplitStageBlocksAtAnyRow() {
        int[] counts = {3, 0, 4, 2};
        assertArrayEquals(new int[] {3, 0, 2, 0}, RatioNet.countsWithin(counts, 0, 5));
        assertArrayEquals(new int[] {0, 0, 2, 2}, RatioNet.countsWithin(counts, 5, 9));
        assertArrayEquals(new int[] {0, 0, 0, 0}, RatioNet.countsWithin(counts, 9, 9));
        assertArrayEquals(counts, RatioNet.countsWithin(counts, 0, 9));
    }

    @Test
    void twoPartsGiveTheOnePassLossAndGradients() {
        RatioNet whole = net(1);
        RatioNet parts = net(2);
        PriorBatch batch = batch(new SplittableRandom(3));
        RatioNet.RowsLoss loss = (f, from, df) -> PriorLoss.n2ce(f, from, batch, Math.log(10), 0.1, df);
        int[] besides = new int[2];
        whole.zeroGrad();
        double expected = whole.trainingPass(batch.z(), batch.counts(), loss, () -> besides[0]++);
        parts.zeroGrad();
        double actual = parts.trainingPass(batch.z(), batch.counts(), loss, () -> besides[1]++);
        assertEquals(expected, actual, 1e-6 * Math.abs(expected));
        assertArrayEquals(new int[] {1, 1}, besides, "the work beside the pass runs once either way");
        for (int l = 0; l < whole.layers().size(); l++) {
            Dense a = whole.layers().get(l);
            Dense b = parts.layers().get(l);
            assertClose(a.gw, b.gw, 1e-5, "gW of layer " + l);
            assertClose(a.gb, b.gb, 1e-5, "gb of layer " + l);
        }
    }

    @Test
    void partsComputeTheSameWhetherOrNotACoreIsIdle() {
        List<float[]> atOnce = trainAndRecord(net(2), 5);
        List<IdleCores.Occupation> held = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                held.add(IdleCores.occupy());  // no core idle: the parts run one after the other
            }
            List<float[]> oneAfterTheOther = trainAndRecord(net(2), 5);
            for (int i = 0; i < atOnce.size(); i++) {
                assertArrayEquals(atOnce.get(i), oneAfterTheOther.get(i), "parameters after step " + i);
            }
        } finally {
            held.forEach(IdleCores.Occupation::close);
        }
    }

    /**
     * 300 N2CE steps (Adam, the paper's learning rate) of the two-part path against the one-pass
     * path from the same weights and batches: every step's loss within 1e-5 relative, and every
     * final weight within 1% of the farthest Adam can move a weight in 300 steps (300 lr = 0.015),
     * i.e. 1.5e-4 (measured: the losses agree to 1e-7, the weights to 5e-6). Float rounding differs
     * between the paths (the parts' gradients are summed separately), and training carries the
     * difference forward.
     */
    @Test
    void threeHundredTrainingStepsStayWithTheOnePassPath() {
        double[] lossWhole = train(net(1), 300);
        RatioNet parts = net(2);
        double[] lossParts = train(parts, 300);
        for (int t = 0; t < lossWhole.length; t++) {
            assertEquals(lossWhole[t], lossParts[t], 1e-5 * Math.abs(lossWhole[t]), "loss of step " + t);
        }
        assertTrue(lossWhole[299] < lossWhole[0], "the steps train: " + lossWhole[0] + " -> " + lossWhole[299]);
        RatioNet whole = net(1);
        train(whole, 300);
        for (int l = 0; l < whole.layers().size(); l++) {
            INDArray a = whole.layers().get(l).w;
            assertClose(a, parts.layers().get(l).w, 0.01 * 300 * 5e-5, "W of layer " + l);
        }
    }

    private static RatioNet net(int trainingParts) {
        return new RatioNet(LATENT, 32, 4, SCHEDULE.stages(), 11, trainingParts);
    }

    /** An N2CE batch of 16 positives and M = 10 negatives each, in stage blocks (odd row counts too). */
    private static PriorBatch batch(SplittableRandom rng) {
        float[][] posterior = new float[16][LATENT];
        for (float[] row : posterior) {
            for (int j = 0; j < LATENT; j++) {
                row[j] = (float) rng.nextGaussian();
            }
        }
        return PriorBatch.n2ce(posterior, SCHEDULE, 10, rng);
    }

    private static double[] train(RatioNet net, int steps) {
        Adam adam = net.optimiser(5e-5, 0.9, 0.999, 100);
        SplittableRandom rng = new SplittableRandom(5);
        double[] loss = new double[steps];
        for (int t = 0; t < steps; t++) {
            loss[t] = LatentEbm.priorStep(net, adam, batch(rng), PriorObjective.N2CE, Math.log(10), 0, () -> { });
        }
        return loss;
    }

    private static List<float[]> trainAndRecord(RatioNet net, int steps) {
        Adam adam = net.optimiser(1e-3, 0.9, 0.999, 100);
        SplittableRandom rng = new SplittableRandom(5);
        List<float[]> params = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            LatentEbm.priorStep(net, adam, batch(rng), PriorObjective.N2CE, Math.log(10), 0, () -> { });
            params.add(net.layers().get(6).w.dup().reshape(-1).toFloatVector());
        }
        return params;
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        float[] e = expected.reshape(expected.length()).toFloatVector();
        float[] a = actual.reshape(actual.length()).toFloatVector();
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance + 1e-4 * Math.abs(e[i]), what + ", entry " + i);
        }
    }
}
