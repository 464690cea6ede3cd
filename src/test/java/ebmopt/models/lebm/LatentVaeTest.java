package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The VAE's KL term, its coupling to the energy-based prior, the samplers' gradient, and real-vector designs. */
class LatentVaeTest {
    private static final int L = 4;
    private static final int V = 3;
    private static final int D = 2;
    // reconstruction weight 1 (not the paper's 50): float finite differences of a loss near 250
    // would resolve only ~20 ulps
    private final LatentVae vae = new LatentVae(L, V, D, new LatentVae.VaeWeights(1, 1, 0.75, 0.001), 11);
    private final INDArray x = vae.oneHot(new int[][] {{0, 1, 2, 1}, {2, 2, 0, 1}, {1, 0, 0, 2}});
    private final INDArray y = Nd4j.createFromArray(new float[] {0.2f, 0.9f, 0.5f}).reshape(3, 1);

    @Test
    void klToTheNoiseMatchesMonteCarlo() {
        INDArray[] q = vae.posterior(x, y);
        // make the posterior far from N(0, I) so the check means something
        INDArray eps = Nd4j.zeros(DataType.FLOAT, 3, D);
        double closedForm = vae.loss(x, y, eps, Nd4j.zeros(DataType.FLOAT, 3, D))[2];
        SplittableRandom rng = new SplittableRandom(5);
        int samples = 200_000;
        double mc = 0;
        for (int i = 0; i < 3; i++) {
            for (int s = 0; s < samples; s++) {
                double logRatio = 0;
                for (int j = 0; j < D; j++) {
                    double mu = q[0].getDouble(i, j);
                    double sd = Math.exp(0.5 * q[1].getDouble(i, j));
                    double e = rng.nextGaussian();
                    double z = mu + sd * e;
                    // log q(z) - log q0(z)
                    logRatio += -Math.log(sd) - 0.5 * e * e + 0.5 * z * z;
                }
                mc += logRatio;
            }
        }
        mc /= 3.0 * samples;
        assertEquals(mc, closedForm, 0.01 + 0.01 * Math.abs(mc));
    }

    /**
     * With G = grad_z sum_k f_k(z) supplied as a constant, the graph's gradient in every
     * encoder parameter equals the finite difference of the true negative ELBO, whose KL to the
     * energy-based prior contains -E_q[sum_k f_k(z)] (the sign derived from p_a = q0 prod r_k).
     */
    @Test
    void priorTermGradientMatchesFiniteDifferencesOfTheTrueElbo() {
        RatioNet ratio = new RatioNet(D, 8, 1, 3, 3);
        INDArray eps = Nd4j.createFromArray(new float[] {0.3f, -0.5f, 1.1f, 0.2f, -0.8f, 0.6f}).reshape(3, D);
        INDArray z = vae.encode(x, y, eps);
        for (String name : new String[] {"enc_mu_b", "enc_logvar_b", "enc2_w"}) {
            INDArray p = vae.parameter(name);
            INDArray analytic = vae.gradientOf(name, x, y, eps, ratio.stageSumAndGradient(z)[1]);
            for (long i = 0; i < Math.min(4, p.length()); i++) {
                double numeric = CentralDifference.of(p, i, 5e-3, () -> trueLoss(ratio, eps));
                assertEquals(numeric, analytic.getDouble(i), 5e-3 + 2e-2 * Math.abs(numeric), name + "[" + i + "]");
            }
        }
    }

    /** The negative ELBO with the prior's energy evaluated exactly (no linearisation). */
    private double trueLoss(RatioNet ratio, INDArray eps) {
        double withoutEnergy = vae.loss(x, y, eps, Nd4j.zeros(DataType.FLOAT, 3, D))[0];
        INDArray z = vae.encode(x, y, eps);
        double energy = ratio.stageSumAndGradient(z)[0].meanNumber().doubleValue();
        return withoutEnergy - 0.75 * energy;
    }

    @Test
    void samplerGradientMatchesFiniteDifferences() {
        INDArray zs = Nd4j.createFromArray(new float[] {0.4f, -0.3f, -1.0f, 0.7f}).reshape(2, D);
        INDArray[] yg = vae.scoreAndGradient(zs);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < D; j++) {
                double h = 2e-3;
                INDArray up = zs.dup();
                up.putScalar(i, j, zs.getDouble(i, j) + h);
                INDArray down = zs.dup();
                down.putScalar(i, j, zs.getDouble(i, j) - h);
                double numeric = (vae.scoreAndGradient(up)[0].getDouble(i) - vae.scoreAndGradient(down)[0].getDouble(i)) / (2 * h);
                assertEquals(numeric, yg[1].getDouble(i, j), 2e-3 + 2e-2 * Math.abs(numeric), "dg_y/dz[" + i + "," + j + "]");
            }
        }
    }

    /**
     * A decoder standard deviation sigma makes the x term the Gaussian's |x - g_x(z)|^2 / (2 sigma^2)
     * + d log sigma (the y term unchanged), in the loss under the reconstruction weight and in
     * recon_nll, and the loss's gradient in the generator's x head follows it.
     */
    @Test
    void aDecoderStdScalesTheGaussianReconstructionOfRealVectors() {
        double sigma = 0.25;
        double recon = 2;
        LatentVae unit = LatentVae.continuous(3, D, new LatentVae.VaeWeights(recon, recon, 0.75, 0.001), 1.0, 13);
        LatentVae narrow = LatentVae.continuous(3, D, new LatentVae.VaeWeights(recon, recon, 0.75, 0.001), sigma, 13);
        INDArray xr = Nd4j.createFromArray(new float[] {0.1f, 0.9f, 0.4f, 0.7f, 0.2f, 0.5f, 1.0f, 0.0f, 0.3f})
                .reshape(3, 3);
        INDArray eps = Nd4j.createFromArray(new float[] {0.3f, -0.5f, 1.1f, 0.2f, -0.8f, 0.6f}).reshape(3, D);
        INDArray zero = Nd4j.zeros(DataType.FLOAT, 3, D);
        double[][] gx = unit.decodeFeatures(unit.encode(xr, y, eps));
        double squares = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                squares += 0.5 * Math.pow(xr.getDouble(i, j) - gx[i][j], 2);
            }
        }
        squares /= 3;
        double xTermChange = squares / (sigma * sigma) + 3 * Math.log(sigma) - squares;
        assertEquals(xTermChange, narrow.loss(xr, y, eps, zero)[1] - unit.loss(xr, y, eps, zero)[1], 1e-4);
        assertEquals(recon * xTermChange, narrow.loss(xr, y, eps, zero)[0] - unit.loss(xr, y, eps, zero)[0], 1e-3);
        // only the x term reaches the x head's bias: d/db_j = recon mean_i (g_x(z_i)_j - x_ij) / sigma^2
        INDArray unitGrad = unit.gradientOf("gen_x_b", xr, y, eps, zero);
        INDArray narrowGrad = narrow.gradientOf("gen_x_b", xr, y, eps, zero);
        for (int j = 0; j < 3; j++) {
            double residual = 0;
            for (int i = 0; i < 3; i++) {
                residual += gx[i][j] - xr.getDouble(i, j);
            }
            double expected = recon * residual / 3;
            assertEquals(expected, unitGrad.getDouble(j), 1e-5, "gen_x_b[" + j + "], sigma 1");
            assertEquals(expected / (sigma * sigma), narrowGrad.getDouble(j), 1e-4,
                    "gen_x_b[" + j + "], sigma " + sigma);
        }
    }

    /**
     * Real-vector designs: the reconstruction term is the unit-variance Gaussian's
     * 0.5 |x - g_x(z)|^2 + 0.5 (y - g_y(z))^2 per row, and the loss's gradients in the encoder
     * and the generator match finite differences.
     */
    @Test
    void continuousDesignsHaveAGaussianReconstructionWithMatchingGradients() {
        LatentVae real = LatentVae.continuous(3, D, new LatentVae.VaeWeights(1, 1, 0.75, 0.001), 1.0, 13);
        INDArray xr = Nd4j.createFromArray(new float[] {0.1f, 0.9f, 0.4f, 0.7f, 0.2f, 0.5f, 1.0f, 0.0f, 0.3f})
                .reshape(3, 3);
        INDArray eps = Nd4j.createFromArray(new float[] {0.3f, -0.5f, 1.1f, 0.2f, -0.8f, 0.6f}).reshape(3, D);
        INDArray zero = Nd4j.zeros(DataType.FLOAT, 3, D);
        INDArray z = real.encode(xr, y, eps);
        double[][] gx = real.decodeFeatures(z);
        INDArray gy = real.score(z);
        double byHand = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                byHand += 0.5 * Math.pow(xr.getDouble(i, j) - gx[i][j], 2);
            }
            byHand += 0.5 * Math.pow(y.getDouble(i, 0) - gy.getDouble(i, 0), 2);
        }
        assertEquals(byHand / 3, real.loss(xr, y, eps, zero)[1], 1e-5);
        // the y term alone follows y-weight: the loss moves by (w' - w) mean 0.5 (y - g_y)^2
        LatentVae yHeavy = LatentVae.continuous(3, D, new LatentVae.VaeWeights(1, 4, 0.75, 0.001), 1.0, 13);
        double ySquares = 0;
        for (int i = 0; i < 3; i++) {
            ySquares += 0.5 * Math.pow(y.getDouble(i, 0) - gy.getDouble(i, 0), 2);
        }
        assertEquals((4 - 1) * ySquares / 3, yHeavy.loss(xr, y, eps, zero)[0] - real.loss(xr, y, eps, zero)[0], 1e-5);

        for (String name : new String[] {"enc1_w", "gen0_w", "gen_x_w", "gen_x_b"}) {
            INDArray p = real.parameter(name);
            INDArray analytic = real.gradientOf(name, xr, y, eps, zero);
            for (long i = 0; i < Math.min(4, p.length()); i++) {
                double numeric = CentralDifference.of(p, i, 5e-3, () -> real.loss(xr, y, eps, zero)[0]);
                assertEquals(numeric, analytic.getDouble(i), 5e-3 + 2e-2 * Math.abs(numeric), name + "[" + i + "]");
            }
        }
    }
}
