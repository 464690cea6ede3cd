package ebmopt.models.lebm;

import ebmopt.models.RowArrays;

import ebmopt.sampling.LogDensity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The unnormalised log-density the samplers explore to propose designs (Appendix D.5):
 *
 * <pre>
 * l(z) = -lambda1 |y_max - g_y(z)|^2 + lambda2 ( sum_k f_k(z) - |z|^2 / 2 )
 * </pre>
 *
 * (the posterior p(z | y = y_max) with a sharpened likelihood). {@code lambda1 = 0,
 * lambda2 = 1} is the learned prior p_a itself (MLE-LEBM's negatives).
 */
final class LatentObjective implements LogDensity {
    private final LatentVae vae;
    private final RatioNet ratio;
    private final double yMax;
    private final double lambda1;
    private final double lambda2;

    LatentObjective(LatentVae vae, RatioNet ratio, double yMax, double lambda1, double lambda2) {
        this.vae = vae;
        this.ratio = ratio;
        this.yMax = yMax;
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
    }

    /** The prior alone: log p_a(z) = log q0(z) + sum_k f_k(z). */
    static LatentObjective prior(RatioNet ratio) {
        return new LatentObjective(null, ratio, 0, 0, 1);
    }

    /**
     * The two parts of l(z), each averaged over the points, and the learned log-ratio alone:
     * {fit, prior, logRatio} with fit = -lambda1 |y_max - g_y(z)|^2, prior = lambda2 (sum_k f_k(z)
     * - |z|^2 / 2) and logRatio = sum_k f_k(z) (log p_a(z) / q0(z) up to a constant, whatever the
     * lambdas). Where the prior part dwarfs the fit, the particles follow the prior more than the
     * wish for y_max.
     */
    double[] meanTerms(double[][] points) {
        INDArray z = RowArrays.toArray(points);
        double fit = 0;
        if (lambda1 > 0) {
            INDArray residual = vae.score(z).rsub(yMax);
            fit = -lambda1 * residual.muli(residual).meanNumber().doubleValue();
        }
        INDArray energy = ratio.stageSum(z);
        double logRatio = energy.meanNumber().doubleValue();
        double prior = 0;
        if (lambda2 > 0) {
            INDArray halfNorm = z.mul(z).sum(1).reshape(-1, 1).muli(0.5);
            prior = lambda2 * energy.subi(halfNorm).meanNumber().doubleValue();
        }
        return new double[] {fit, prior, logRatio};
    }

    @Override
    public double[][] gradient(double[][] points) {
        INDArray z = RowArrays.toArray(points);
        INDArray grad = Nd4j.zeros(DataType.FLOAT, z.shape());
        if (lambda2 > 0) {
            grad.addi(ratio.stageSumAndGradient(z)[1].subi(z).muli(lambda2));
        }
        if (lambda1 > 0) {
            INDArray[] yg = vae.scoreAndGradient(z);
            // d/dz -lambda1 (y_max - g_y)^2 = 2 lambda1 (y_max - g_y) dg_y/dz
            INDArray residual = yg[0].rsub(yMax).muli(2 * lambda1);
            grad.addi(yg[1].mulColumnVector(residual));
        }
        return RowArrays.toRows(grad);
    }
}
