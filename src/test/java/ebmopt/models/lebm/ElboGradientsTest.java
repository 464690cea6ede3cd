package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ebmopt.optim.Adam;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written negative ELBO and its gradients ({@link ElboGradients}) against the SameDiff
 * graph that defines them (whose gradients {@code LatentVaeTest} checks against finite
 * differences): every parameter's gradient and the loss with its parts, for token and
 * real-vector VAEs, with the prior's term and every weight of the loss switched on.
 *
 * <p>One exception, found by this test: SameDiff M2.1's gradient of the orthogonal penalty
 * |W^T W - I|^2 is wrong for the one-column y head (gen_y_w, [32, 1]); there the hand-written
 * gradient is checked against finite differences of the graph's own loss instead.
 */
class ElboGradientsTest {
    private static final int D = 3;
    // not the paper's weight 50 on the reconstruction: float finite differences of a loss near 500
    // would not resolve gen_y_w's gradient; the y weight differs from it so that both are tested
    private static final LatentVae.VaeWeights WEIGHTS = new LatentVae.VaeWeights(5, 2, 0.75, 0.05);

    @Test
    void tokenVaeGradientsAreTheGraphs() {
        LatentVae vae = new LatentVae(8, 4, D, WEIGHTS, 3);
        SplittableRandom r = new SplittableRandom(1);
        int[][] tokens = new int[6][8];
        for (int[] row : tokens) {
            for (int p = 0; p < 8; p++) {
                row[p] = r.nextInt(4);
            }
        }
        check(vae, vae.oneHot(tokens), 6);
    }

    @Test
    void realVectorVaeGradientsAreTheGraphs() {
        LatentVae vae = LatentVae.continuous(2, D, WEIGHTS, 0.3, 5);
        check(vae, Nd4j.rand(DataType.FLOAT, 6, 2), 6);
    }

    /** q(z | x): y off the encoder's input, in the graph and by hand alike, and enc1's y row gets no gradient. */
    @Test
    void anEncoderBlindToYHasTheGraphsGradientsAndIgnoresY() {
        LatentVae.VaeWeights blind = new LatentVae.VaeWeights(5, 2, 0.75, 0.05, 0.0);
        LatentVae vae = LatentVae.continuous(2, D, blind, 0.3, 5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 6, 2);
        check(vae, x, 6);
        INDArray eps = Nd4j.zeros(DataType.FLOAT, 6, D);
        INDArray low = vae.encode(x, Nd4j.zeros(DataType.FLOAT, 6, 1), eps);
        INDArray high = vae.encode(x, Nd4j.ones(DataType.FLOAT, 6, 1), eps);
        assertEquals(low, high, "the code does not depend on y");
        INDArray seeing = LatentVae.continuous(2, D, WEIGHTS, 0.3, 5).encode(x, Nd4j.ones(DataType.FLOAT, 6, 1), eps);
        assertNotEquals(low, seeing, "the paper's encoder does, from the same initial weights");
        INDArray enc1 = vae.elboGradients(x, Nd4j.rand(DataType.FLOAT, 6, 1), Nd4j.randn(DataType.FLOAT, 6, D),
                Nd4j.randn(DataType.FLOAT, 6, D))[vae.parameterNames().indexOf("enc1_w")];
        assertEquals(0.0, enc1.getRow(2).amaxNumber().doubleValue(), "enc1_w's y row (the input after x's 2 features)");
    }

    /** Central differences of the graph's loss in gen_y_w, entry by entry. */
    private static void checkAgainstFiniteDifferences(LatentVae vae, INDArray hand, INDArray x, INDArray y,
                                                      INDArray eps, INDArray priorGrad) {
        INDArray w = vae.parameter("gen_y_w");
        for (long k = 0; k < w.length(); k += 5) {
            double numeric = CentralDifference.of(w, k, 1e-2, () -> vae.loss(x, y, eps, priorGrad)[0]);
            assertEquals(numeric, hand.getDouble(k), 1e-3 + 1e-2 * Math.abs(numeric), "gen_y_w entry " + k);
        }
    }

    private static void check(LatentVae vae, INDArray x, int n) {
        INDArray y = Nd4j.rand(DataType.FLOAT, n, 1);
        INDArray eps = Nd4j.randn(DataType.FLOAT, n, D);
        INDArray priorGrad = Nd4j.randn(DataType.FLOAT, n, D);
        INDArray[] hand = vae.elboGradients(x, y, eps, priorGrad);
        List<String> names = vae.parameterNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals("gen_y_w")) {
                checkAgainstFiniteDifferences(vae, hand[i], x, y, eps, priorGrad);
                continue;
            }
            INDArray graph = vae.gradientOf(names.get(i), x, y, eps, priorGrad);
            float[] expected = graph.reshape(graph.length()).toFloatVector();
            float[] actual = hand[i].reshape(hand[i].length()).toFloatVector();
            assertEquals(expected.length, actual.length, names.get(i));
            double scale = graph.amaxNumber().doubleValue();
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], actual[k], 1e-4 * scale + 1e-6, names.get(i) + " entry " + k);
            }
        }
        Adam adam = vae.optimiser(1e-4, 0.5, 0.999, 100);
        double[] handLoss = vae.gradients(x, y, eps, priorGrad, adam);
        double[] graphLoss = vae.loss(x, y, eps, priorGrad);
        for (int k = 0; k < 3; k++) {
            assertEquals(graphLoss[k], handLoss[k], 1e-5 * Math.abs(graphLoss[k]) + 1e-6, "loss part " + k);
        }
    }
}
