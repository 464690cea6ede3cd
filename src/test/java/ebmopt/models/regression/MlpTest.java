package ebmopt.models.regression;

import ebmopt.models.RowArrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written network's gradients (every hidden activation) against central finite differences (float32: eps 1e-2). */
class MlpTest {
    private static final double EPS = 1e-3;

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void inputGradientMatchesFiniteDifferences(HiddenActivation activation) {
        Mlp net = new Mlp(3, List.of(16, 8), activation, 1);
        double[][] x = points(5, 3, 2);
        double[][] g = net.inputGradient(x);
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 3; k++) {
                double[][] plus = copy(x);
                double[][] minus = copy(x);
                plus[i][k] += EPS;
                minus[i][k] -= EPS;
                double up = net.predict(plus)[i];
                double down = net.predict(minus)[i];
                double at = net.predict(x)[i];
                if (Math.abs((up - at) - (at - down)) / EPS > 1e-2) {
                    continue; // a ReLU kink within EPS
                }
                double fd = (up - down) / (2 * EPS);
                assertEquals(fd, g[i][k], 2e-3 + 2e-2 * Math.abs(fd), "d f / d x[" + i + "][" + k + "]");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void smallNetworkPathAgreesWithTheNd4jBackwardPass(HiddenActivation activation) {
        Mlp net = new Mlp(4, List.of(32, 16), activation, 8); // 721 parameters: the plain-Java path
        double[][] x = points(9, 4, 6);
        double[][] java = net.inputGradient(x);
        double[][] nd4j = RowArrays.toRows(net.inputGradient(RowArrays.toArray(x)));
        assertTrue(net.parameterCount() <= Mlp.SMALL_NETWORK);
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(nd4j[i][k], java[i][k], 1e-5);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void parameterGradientsOfAWeightedSumMatchFiniteDifferences(HiddenActivation activation) {
        Mlp net = new Mlp(2, List.of(12, 12), activation, 3);
        double[][] x = points(7, 2, 4);
        double[] c = {0.5, -1, 2, 0.1, -0.3, 1.2, 0.7};
        INDArray dOut = Nd4j.create(c, new long[] {c.length, 1}, DataType.DOUBLE).castTo(DataType.FLOAT);
        net.zeroGradients();
        net.backward(net.forward(RowArrays.toArray(x)), dOut, true);
        List<INDArray> params = net.parameters();
        List<INDArray> grads = net.gradients();
        SplittableRandom rng = new SplittableRandom(5);
        int checked = 0;
        for (int p = 0; p < params.size(); p++) {
            INDArray param = params.get(p);
            for (int trial = 0; trial < 6; trial++) {
                long idx = rng.nextInt((int) param.length());
                double original = param.getDouble(idx);
                double at = weighted(net, x, c);
                param.putScalar(idx, original + EPS);
                double up = weighted(net, x, c);
                param.putScalar(idx, original - EPS);
                double down = weighted(net, x, c);
                param.putScalar(idx, original);
                if (Math.abs((up - at) - (at - down)) / EPS > 1e-2) {
                    continue; // a ReLU kink within EPS: the one-sided slopes differ, no derivative to check
                }
                double fd = (up - down) / (2 * EPS);
                assertEquals(fd, grads.get(p).getDouble(idx), 3e-3 + 2e-2 * Math.abs(fd), "parameter " + p + "[" + idx + "]");
                checked++;
            }
        }
        assertTrue(checked >= (activation == HiddenActivation.SWISH ? 36 : 30), checked + " of 36 checked away from kinks");
    }

    @Test
    void localTrainerFitsASmoothFunction() {
        double[][] x = points(800, 2, 9);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(x[i][0]) + 0.5 * x[i][1] * x[i][1];
        }
        Regressor f = new LocalRegressorTrainer().fit(x, y, new RegressorSettings(List.of(64, 64), HiddenActivation.RELU, 3e-3,
                64, 60, TrainerKind.LOCAL, 0, 1), 1);
        double[][] test = points(200, 2, 10);
        double[] pred = f.predict(test);
        double mse = 0;
        double var = 0;
        for (int i = 0; i < test.length; i++) {
            double truth = Math.sin(test[i][0]) + 0.5 * test[i][1] * test[i][1];
            mse += (pred[i] - truth) * (pred[i] - truth);
            var += truth * truth;
        }
        // R^2 well above 0.9 on held-out points (the targets' second moment is ~0.9)
        assertTrue(mse / test.length < 0.05, "held-out mse " + mse / test.length + " (second moment " + var / test.length + ")");
    }

    private static double weighted(Mlp net, double[][] x, double[] c) {
        double[] f = net.predict(x);
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += c[i] * f[i];
        }
        return s;
    }

    static double[][] points(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = 2 * rng.nextDouble() - 1;
            }
        }
        return x;
    }

    static double[][] copy(double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }
}
