package ebmopt.sampling;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samplers against densities whose moments are known in closed form. */
class SamplersTest {
    /** Target N(mu, Sigma) with Sigma = [[1, 0.5], [0.5, 2]]. */
    private static final double[] MU = {1.0, -2.0};
    private static final double[][] PRECISION = inverse(new double[][]{{1.0, 0.5}, {0.5, 2.0}});

    private static final LogDensity GAUSSIAN = points -> {
        double[][] g = new double[points.length][2];
        for (int i = 0; i < points.length; i++) {
            double a = points[i][0] - MU[0];
            double b = points[i][1] - MU[1];
            g[i][0] = -(PRECISION[0][0] * a + PRECISION[0][1] * b);
            g[i][1] = -(PRECISION[1][0] * a + PRECISION[1][1] * b);
        }
        return g;
    };

    @Test
    void langevinSamplesAGaussianWithItsMeanAndCovariance() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] start = standardNormal(4000, 2, rng);
        double[][] z = Langevin.run(GAUSSIAN, start, 3000, StepSchedule.constant(0.1), rng, t -> { });
        double[] mean = mean(z);
        double[][] cov = covariance(z, mean);
        // Monte-Carlo error of a mean over 4000 draws: sqrt(2 / 4000) ~ 0.022; the
        // discretisation bias of step 0.1 is O(s^2) ~ 0.01 on the covariance.
        assertEquals(MU[0], mean[0], 0.1);
        assertEquals(MU[1], mean[1], 0.1);
        assertEquals(1.0, cov[0][0], 0.1);
        assertEquals(0.5, cov[0][1], 0.1);
        assertEquals(2.0, cov[1][1], 0.2);
    }

    @Test
    void langevinSplitsItsMassBetweenTheModesOfAMixture() {
        // 0.3 N((-1.5, 0), I) + 0.7 N((1.5, 0), I): the right half-plane holds ~0.7 of the mass
        // (0.7 * Phi(1.5) + 0.3 * (1 - Phi(1.5)) = 0.680).
        LogDensity mixture = points -> {
            double[][] g = new double[points.length][2];
            for (int i = 0; i < points.length; i++) {
                double x = points[i][0];
                double y = points[i][1];
                double left = 0.3 * Math.exp(-((x + 1.5) * (x + 1.5) + y * y) / 2);
                double right = 0.7 * Math.exp(-((x - 1.5) * (x - 1.5) + y * y) / 2);
                double total = left + right;
                g[i][0] = (left * -(x + 1.5) + right * -(x - 1.5)) / total;
                g[i][1] = -y;
            }
            return g;
        };
        SplittableRandom rng = new SplittableRandom(11);
        double[][] z = Langevin.run(mixture, standardNormal(4000, 2, rng), 4000, StepSchedule.constant(0.2), rng,
                t -> { });
        long right = java.util.Arrays.stream(z).filter(p -> p[0] > 0).count();
        // Binomial error sqrt(0.68 * 0.32 / 4000) ~ 0.007; step bias a few 0.01.
        assertEquals(0.680, right / 4000.0, 0.04);
    }

    @Test
    void svgdMatchesTheMeanAndCovarianceOfAGaussian() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] start = standardNormal(200, 2, rng);
        double[][] z = new Svgd(2000, 0.05).run(GAUSSIAN, start, t -> { });
        double[] mean = mean(z);
        double[][] cov = covariance(z, mean);
        // SVGD is deterministic given the start; 200 particles in 2-D represent the moments to a
        // few per cent (its known variance underestimate is small in low dimension).
        assertEquals(MU[0], mean[0], 0.05);
        assertEquals(MU[1], mean[1], 0.05);
        assertEquals(1.0, cov[0][0], 0.15);
        assertEquals(0.5, cov[0][1], 0.15);
        assertEquals(2.0, cov[1][1], 0.3);
    }

    @Test
    void svgdRepulsionIsTheKernelGradient() {
        // With grad l = 0, phi(z_i) = (1/Q) sum_j grad_{z_j} k(z_j, z_i): check by finite differences.
        SplittableRandom rng = new SplittableRandom(5);
        double[][] z = standardNormal(7, 3, rng);
        double h2 = Svgd.bandwidthSquared(z);
        double[][] phi = Svgd.direction(z, new double[7][3], h2);
        double eps = 1e-6;
        for (int i = 0; i < 7; i++) {
            for (int c = 0; c < 3; c++) {
                double numeric = 0;
                for (int j = 0; j < 7; j++) {
                    double[] plus = z[j].clone();
                    double[] minus = z[j].clone();
                    plus[c] += eps;
                    minus[c] -= eps;
                    numeric += (kernel(plus, z[i], h2) - kernel(minus, z[i], h2)) / (2 * eps);
                }
                assertEquals(numeric / 7, phi[i][c], 1e-8);
            }
        }
    }

    @Test
    void svgdWithAFlatDensitySpreadsTheParticles() {
        SplittableRandom rng = new SplittableRandom(9);
        double[][] start = standardNormal(50, 2, rng);
        double before = Particles.medianPairwiseDistance(start);
        double[][] z = new Svgd(100, 0.05).run(points -> new double[points.length][2], start, t -> { });
        assertTrue(Particles.medianPairwiseDistance(z) > 1.2 * before);
    }

    @Test
    void gradientAscentClimbsToTheMode() {
        double[][] z = GradientAscent.run(GAUSSIAN, new double[][]{{5, 5}, {-3, 0}}, 500, StepSchedule.constant(0.1),
                t -> { });
        for (double[] p : z) {
            assertEquals(MU[0], p[0], 1e-6);
            assertEquals(MU[1], p[1], 1e-6);
        }
    }

    @Test
    void geometricScheduleRunsFromFirstToLast() {
        StepSchedule s = new StepSchedule(0.02, 0.001);
        assertEquals(0.02, s.at(0, 100), 1e-15);
        assertEquals(0.001, s.at(99, 100), 1e-15);
        assertEquals(Math.sqrt(0.02 * 0.001), s.at(50, 101), 1e-12);
        assertEquals(0.3, StepSchedule.constant(0.3).at(17, 100), 0);
    }

    private static double kernel(double[] a, double[] b, double h2) {
        return Math.exp(-Particles.squaredDistance(a, b) / (2 * h2));
    }

    private static double[][] standardNormal(int n, int d, SplittableRandom rng) {
        double[][] out = new double[n][d];
        for (double[] row : out) {
            for (int k = 0; k < d; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        return out;
    }

    private static double[] mean(double[][] z) {
        double[] m = new double[z[0].length];
        for (double[] p : z) {
            for (int k = 0; k < m.length; k++) {
                m[k] += p[k] / z.length;
            }
        }
        return m;
    }

    private static double[][] covariance(double[][] z, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        for (double[] p : z) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    c[a][b] += (p[a] - mean[a]) * (p[b] - mean[b]) / (z.length - 1);
                }
            }
        }
        return c;
    }

    private static double[][] inverse(double[][] m) {
        double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return new double[][]{{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    }
}
