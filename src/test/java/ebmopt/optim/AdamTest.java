package ebmopt.optim;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adam's first steps, its two epsilon placements, clipping, and its two kinds of storage. */
class AdamTest {

    @Test
    void firstStepMovesEachCoordinateByTheLearningRate() {
        // m_hat / sqrt(v_hat) = g / |g| at t = 1, whatever g's size
        double[][] x = {{0, 0, 0}};
        new Adam(0.1, AdamOptions.kingmaBa()).ascend(x, new double[][] {{5, -0.01, 300}});
        assertEquals(0.1, x[0][0], 1e-9);
        assertEquals(-0.1, x[0][1], 1e-6);
        assertEquals(0.1, x[0][2], 1e-9);
    }

    @Test
    void descentMirrorsAscentAndGradientWeightsAreTakenAsWritten() {
        double[][] up = {{0.25}};
        double[][] down = {{-0.25}};
        Adam ascent = new Adam(0.01, AdamOptions.keras());
        Adam descent = new Adam(0.01, AdamOptions.keras());
        double[][] decimal = {{0.25}};
        Adam decimalWeights = new Adam(0.01, AdamOptions.keras().withGradientWeights(0.1, 0.001));
        for (int t = 0; t < 50; t++) {
            double g = Math.sin(t) + 0.3;
            ascent.ascend(up, new double[][] {{g}});
            descent.descend(down, new double[][] {{g}});
            decimalWeights.ascend(decimal, new double[][] {{g}});
        }
        assertEquals(up[0][0], -down[0][0], 0.0);
        // 0.1 is not 1 - 0.9 in binary: the two differ, by rounding only
        assertTrue(up[0][0] != decimal[0][0]);
        assertEquals(up[0][0], decimal[0][0], 1e-12);
    }

    @Test
    void ndArraysDescendAndTheRawPlacementDiffersOnlyThroughEpsilon() {
        INDArray keras = Nd4j.create(new float[] {1, 1}, new long[] {1, 2}, DataType.FLOAT);
        INDArray torch = keras.dup();
        INDArray g = Nd4j.create(new float[] {2, 1e-9f}, new long[] {1, 2}, DataType.FLOAT);
        Adam.over(List.of(keras), 0.01, AdamOptions.keras()).step(List.of(g.dup()));
        new Adam(0.01, AdamOptions.pytorch(0.9, 0.999, 0)).add(torch, g.dup()).step();
        assertEquals(0.99, keras.getDouble(0, 0), 1e-6);
        assertEquals(0.99, torch.getDouble(0, 0), 1e-6);
        // a tiny gradient (1e-9): eps 1e-7 on sqrt(v_hat) = 1e-9 takes ~1e-4; eps 1e-8 on the raw
        // sqrt(v) = sqrt(0.001) 1e-9, rescaled by sqrt(0.001) / 0.1, acts as ~3e-7 and takes ~3e-5
        assertEquals(1e-4, 1 - keras.getDouble(0, 1), 2e-6);
        assertEquals(3.2e-5, 1 - torch.getDouble(0, 1), 2e-6);
    }

    @Test
    void clipsTheGroupsGlobalNormAndReportsItBeforeClipping() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 1, 1);
        INDArray b = Nd4j.zeros(DataType.FLOAT, 1, 1);
        INDArray ga = Nd4j.create(new float[] {30}, new long[] {1, 1}, DataType.FLOAT);
        INDArray gb = Nd4j.create(new float[] {40}, new long[] {1, 1}, DataType.FLOAT);
        Adam adam = new Adam(1e-3, AdamOptions.pytorch(0.5, 0.999, 5)).add(a, ga).add(b, gb);
        adam.step();
        assertEquals(50, adam.lastGradientNorm(), 1e-4);
        assertEquals(3, ga.getDouble(0, 0), 1e-5);
        assertEquals(4, gb.getDouble(0, 0), 1e-5);
        assertEquals(1, adam.steps());
        assertEquals(6, adam.state().size());
        assertTrue(Double.isNaN(new Adam(1, AdamOptions.keras()).lastGradientNorm()));
    }

    @Test
    void oneInstanceStepsOneKindOfStorage() {
        Adam arrays = new Adam(0.1, AdamOptions.kingmaBa());
        arrays.ascend(new double[][] {{1}}, new double[][] {{1}});
        assertThrows(IllegalStateException.class, () -> arrays.add(Nd4j.zeros(1), Nd4j.zeros(1)));
        Adam nd = new Adam(0.1, AdamOptions.keras()).add(Nd4j.zeros(1), Nd4j.zeros(1));
        assertThrows(IllegalStateException.class, () -> nd.ascend(new double[][] {{1}}, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> new AdamOptions(1, 0.999, 1e-8, EpsilonPlacement.RAW, 0));
    }
}
