package ebmopt.sampling;

import ebmopt.optim.Adam;
import ebmopt.optim.AdamOptions;

import java.util.function.IntConsumer;

import static ebmopt.config.InvalidParameterException.require;

/**
 * Stein variational gradient descent (Liu and Wang 2016; docs/methods.md section 4): Q particles
 * move along
 *
 * <pre>
 * phi(z_i) = (1/Q) sum_j [ k(z_j, z_i) grad l(z_j) + grad_{z_j} k(z_j, z_i) ]
 * k(z, z') = exp(-|z - z'|^2 / (2 h^2)),   h^2 = med^2 / (2 log(Q + 1))
 * </pre>
 *
 * with med the median pairwise distance of the current particles (recomputed every
 * iteration), and an Adam step on phi (ascent), as the paper does.
 *
 * @param iterations T
 * @param stepSize   Adam's learning rate (the paper: 0.3 to 0.5)
 */
public record Svgd(int iterations, double stepSize) {
    public Svgd {
        require(iterations >= 1, "svgd-iterations", "must be >= 1");
        require(stepSize > 0, "svgd-step-size", "must be > 0");
    }

    /** Runs SVGD from {@code start} (not modified) and returns the final particles. */
    public double[][] run(LogDensity density, double[][] start, IntConsumer onStep) {
        double[][] z = Particles.copy(start);
        Adam adam = new Adam(stepSize, AdamOptions.kingmaBa());
        for (int t = 0; t < iterations; t++) {
            adam.ascend(z, direction(z, density.gradient(z)));
            onStep.accept(t + 1);
        }
        return z;
    }

    /** phi at every particle, given grad l at every particle. */
    static double[][] direction(double[][] z, double[][] grad) {
        return direction(z, grad, bandwidthSquared(z));
    }

    /** h^2 = med^2 / (2 log(Q + 1)) of the current particles. */
    static double bandwidthSquared(double[][] z) {
        double med = Particles.medianPairwiseDistance(z);
        // All particles at one point: any bandwidth gives k = 1 and a zero repulsion; avoid 0/0.
        return z.length > 1 && med > 0 ? med * med / (2 * Math.log(z.length + 1)) : 1.0;
    }

    /** phi with a given squared bandwidth. */
    static double[][] direction(double[][] z, double[][] grad, double h2) {
        int q = z.length;
        int d = z[0].length;
        double[][] phi = new double[q][d];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double k = Math.exp(-Particles.squaredDistance(z[i], z[j]) / (2 * h2));
                for (int c = 0; c < d; c++) {
                    // grad_{z_j} k(z_j, z_i) = k * (z_i - z_j) / h^2: pushes z_i away from z_j.
                    phi[i][c] += k * grad[j][c] + k * (z[i][c] - z[j][c]) / h2;
                }
            }
            for (int c = 0; c < d; c++) {
                phi[i][c] /= q;
            }
        }
        return phi;
    }
}
