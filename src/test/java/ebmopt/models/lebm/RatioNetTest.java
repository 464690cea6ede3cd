package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ebmopt.optim.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The hand-derived backward pass of f(z, k) against central finite differences, and training on it. */
class RatioNetTest {
    private static final int LATENT = 3;
    private static final int STAGES = 3;
    private static final int[] COUNTS = {2, 0, 3};

    private final RatioNet net = new RatioNet(LATENT, 8, 2, STAGES, 7);
    private final INDArray z = Nd4j.createFromArray(new float[] {0.3f, -1.2f, 0.8f, 1.5f, 0.1f, -0.7f, -0.4f, 0.9f,
        0.2f, 1.1f, -0.6f, -1.4f, 0.5f, 0.35f, -0.95f}).reshape(5, LATENT);
    private final INDArray coef = Nd4j.createFromArray(new float[] {0.7f, -1.3f, 0.4f, 1.1f, -0.6f}).reshape(5, 1);

    /** L = sum_i c_i f(z_i, k_i): a loss with every row's gradient different. */
    private double loss() {
        return net.forward(z, COUNTS).mul(coef).sumNumber().doubleValue();
    }

    @Test
    void parameterGradientsMatchFiniteDifferences() {
        loss();
        net.zeroGrad();
        net.backward(coef, true, false);
        List<Dense> layers = net.layers();
        int checked = 0;
        int kinks = 0;
        for (Dense layer : layers) {
            for (INDArray[] pg : new INDArray[][] {{layer.w, layer.gw}, {layer.b, layer.gb}}) {
                for (long i = 0; i < pg[0].length(); i++) {
                    double analytic = pg[1].getDouble(i);
                    double numeric = numeric(pg[0], i, 2e-3);
                    if (Math.abs(numeric - numeric(pg[0], i, 5e-4)) > 1e-3) {
                        kinks++; // the step straddles a LeakyReLU kink: finite differences do not apply
                        continue;
                    }
                    assertEquals(numeric, analytic, 2e-3 + 2e-2 * Math.abs(analytic),
                            "parameter entry " + i + " of layer " + layers.indexOf(layer) + " "
                                    + java.util.Arrays.toString(pg[0].shape()));
                    checked++;
                }
            }
        }
        assertTrue(checked > 20 * kinks, checked + " entries checked, " + kinks + " skipped at kinks");
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        loss();
        INDArray dz = net.backward(coef, false, true).dup();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < LATENT; j++) {
                double analytic = dz.getDouble(i, j);
                assertEquals(numeric(z, i * LATENT + j, 2e-3), analytic, 2e-3 + 2e-2 * Math.abs(analytic), "dz[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void stageSumIsTheSumOfEveryStagesValueAndItsGradient() {
        INDArray one = z.getRows(0, 1);
        double expected = 0;
        for (int k = 0; k < STAGES; k++) {
            int[] counts = new int[STAGES];
            counts[k] = 2;
            expected += net.forward(one, counts).getDouble(0);
        }
        INDArray[] vg = net.stageSumAndGradient(one);
        assertEquals(expected, vg[0].getDouble(0), 1e-4);
        // the gradient of the sum against finite differences of the sum
        double h = 1e-2;
        for (int j = 0; j < LATENT; j++) {
            INDArray up = one.dup();
            up.putScalar(0, j, up.getDouble(0, j) + h);
            INDArray down = one.dup();
            down.putScalar(0, j, down.getDouble(0, j) - h);
            double numeric = (net.stageSumAndGradient(up)[0].getDouble(0) - net.stageSumAndGradient(down)[0].getDouble(0))
                    / (2 * h);
            assertEquals(numeric, vg[1].getDouble(0, j), 2e-3 + 2e-2 * Math.abs(numeric), "d/dz_" + j);
        }
    }

    @Test
    void stageCountsMustCoverTheRows() {
        assertThrows(IllegalArgumentException.class, () -> net.forward(z, new int[] {1, 1, 1}));
    }

    @Test
    void adamStepsOnItsGradientsLowerTheLoss() {
        Adam adam = net.optimiser(1e-2, 0.9, 0.999, 100);
        double before = loss();
        for (int i = 0; i < 20; i++) {
            loss();
            net.zeroGrad();
            net.backward(coef, true, false);
            adam.step();
        }
        assertTrue(loss() < before, "20 Adam steps lower the loss from " + before);
    }

    /** Central differences; a small step, as LeakyReLU's kinks make larger ones cross them. */
    private double numeric(INDArray param, long i, double h) {
        return CentralDifference.of(param, i, h, this::loss);
    }
}
