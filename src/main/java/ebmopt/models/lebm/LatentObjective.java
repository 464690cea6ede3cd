package ebmopt.models.lebm;

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

    @Override
    public double[][] gradient(double[][] points) {
        INDArray z = toArray(points);
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
        return toRows(grad, points.length, points[0].length);
    }

    /**
     * Rows to a float [n, d] array through one flat buffer: ND4J's creation from a double[][]
     * and {@code toDoubleMatrix} go row by row and cost more than the network itself here.
     */
    static INDArray toArray(double[][] rows) {
        int d = rows[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) rows[i][j];
            }
        }
        return Nd4j.createFromArray(flat).reshape(rows.length, d);
    }

    /** The inverse of {@link #toArray}. */
    static double[][] toRows(INDArray a, int n, int d) {
        float[] flat = a.dup('c').data().asFloat();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = flat[i * d + j];
            }
        }
        return out;
    }
}
