package ebmopt.models.coms;

import ebmopt.models.RowArrays;

import ebmopt.models.regression.Mlp;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** COMs' loss (Eq. 11), its derivatives in f, and its parameter gradient through the network. */
class ConservativeLossTest {

    @Test
    void valueIsMsePlusAlphaTimesTheOverestimation() {
        ConservativeLoss loss = new ConservativeLoss(1, 2, 0);
        // mse = ((1-0)^2 + (3-1)^2) / 2 = 2.5; overestimation = mean(4, 6) - mean(1, 3) = 3
        assertEquals(2.5 + 2 * 3, loss.value(new double[] {1, 3}, new double[] {0, 1}, new double[] {4, 6}), 1e-12);
        assertEquals(3, ConservativeLoss.overestimation(new double[] {1, 3}, new double[] {4, 6}), 1e-12);
        // the energy model's CD loss with the squared-output penalty: (5 - 2) + 0.1 (4 + 25)
        assertEquals(3 + 0.1 * (4 + 25), new ConservativeLoss(0, 1, 0.1).value(new double[] {2}, new double[] {7},
                new double[] {5}), 1e-12);
    }

    @Test
    void derivativesInTheOutputsMatchFiniteDifferences() {
        ConservativeLoss loss = new ConservativeLoss(1, 0.7, 0.05);
        double[] fPos = {0.3, -1.2, 2.0};
        double[] y = {0.1, 0.4, 1.5};
        double[] fNeg = {1.1, -0.4, 0.9, 2.2};
        double[] gPos = loss.positiveGradient(fPos, y);
        double[] gNeg = loss.negativeGradient(fNeg);
        double h = 1e-6;
        for (int i = 0; i < fPos.length; i++) {
            double[] up = fPos.clone();
            double[] down = fPos.clone();
            up[i] += h;
            down[i] -= h;
            assertEquals((loss.value(up, y, fNeg) - loss.value(down, y, fNeg)) / (2 * h), gPos[i], 1e-8);
        }
        for (int j = 0; j < fNeg.length; j++) {
            double[] up = fNeg.clone();
            double[] down = fNeg.clone();
            up[j] += h;
            down[j] -= h;
            assertEquals((loss.value(fPos, y, up) - loss.value(fPos, y, down)) / (2 * h), gNeg[j], 1e-8);
        }
    }

    @Test
    void parameterGradientThroughTheNetworkMatchesFiniteDifferences() {
        // Negatives held fixed (as in COMs: x- is a stop-gradient sample of the current f).
        Mlp net = new Mlp(2, List.of(10, 10), 21);
        SplittableRandom rng = new SplittableRandom(3);
        double[][] xPos = new double[6][2];
        double[][] xNeg = new double[5][2];
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            xPos[i] = new double[] {rng.nextDouble() * 2 - 1, rng.nextDouble() * 2 - 1};
            y[i] = rng.nextGaussian();
        }
        for (int j = 0; j < 5; j++) {
            xNeg[j] = new double[] {rng.nextDouble() * 4 - 2, rng.nextDouble() * 4 - 2};
        }
        ConservativeLoss loss = new ConservativeLoss(1, 1.5, 0);
        net.zeroGradients();
        Mlp.Pass pos = net.forward(RowArrays.toArray(xPos));
        net.backward(pos, column(loss.positiveGradient(pos.values(), y)), true);
        Mlp.Pass neg = net.forward(RowArrays.toArray(xNeg));
        net.backward(neg, column(loss.negativeGradient(neg.values())), true);
        double eps = 1e-3;
        for (int p = 0; p < net.parameters().size(); p++) {
            INDArray param = net.parameters().get(p);
            for (int trial = 0; trial < 5; trial++) {
                long idx = rng.nextInt((int) param.length());
                double original = param.getDouble(idx);
                double at = loss.value(net.predict(xPos), y, net.predict(xNeg));
                param.putScalar(idx, original + eps);
                double up = loss.value(net.predict(xPos), y, net.predict(xNeg));
                param.putScalar(idx, original - eps);
                double down = loss.value(net.predict(xPos), y, net.predict(xNeg));
                param.putScalar(idx, original);
                if (Math.abs((up - at) - (at - down)) / eps > 1e-2) {
                    continue; // a ReLU kink within eps: no derivative to compare
                }
                double fd = (up - down) / (2 * eps);
                assertEquals(fd, net.gradients().get(p).getDouble(idx), 3e-3 + 3e-2 * Math.abs(fd),
                        "parameter " + p + "[" + idx + "]");
            }
        }
    }

    private static INDArray column(double[] g) {
        return Nd4j.create(g, new long[] {g.length, 1}, DataType.DOUBLE).castTo(DataType.FLOAT);
    }
}
