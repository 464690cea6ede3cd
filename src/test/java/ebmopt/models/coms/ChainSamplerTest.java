package ebmopt.models.coms;

import ebmopt.sampling.LogDensity;
import ebmopt.sampling.StepSchedule;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chains of COMs and its variants against densities known in closed form. */
class ChainSamplerTest {
    /** grad log N(mu, s^2 I). */
    private static LogDensity gaussian(double[] mu, double s) {
        return z -> {
            double[][] g = new double[z.length][mu.length];
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < mu.length; k++) {
                    g[i][k] = -(z[i][k] - mu[k]) / (s * s);
                }
            }
            return g;
        };
    }

    @Test
    void langevinWithAGeometricScheduleSamplesAKnownGaussian() {
        // N((1, -1), 0.5^2 I); steps 0.1 -> 0.02 over 3000 steps: the chains mix early and the
        // late small steps leave the discretisation bias O(s^2) negligible.
        SplittableRandom rng = new SplittableRandom(4);
        double[][] start = uniform(4000, rng);
        double[][] z = ChainSampler.langevin(3000, new StepSchedule(0.1, 0.02)).run(gaussian(new double[] {1, -1}, 0.5),
                start, rng);
        double[] mean = mean(z);
        assertEquals(1, mean[0], 0.05);
        assertEquals(-1, mean[1], 0.05);
        assertEquals(0.25, variance(z, 0, mean[0]), 0.03);
        assertEquals(0.25, variance(z, 1, mean[1]), 0.03);
    }

    @Test
    void ascentCollapsesOntoTheMode() {
        SplittableRandom rng = new SplittableRandom(5);
        double[][] z = ChainSampler.ascent(200, StepSchedule.constant(0.05)).run(gaussian(new double[] {1, -1}, 0.5),
                uniform(100, rng), rng);
        for (double[] p : z) {
            assertEquals(1, p[0], 1e-3);
            assertEquals(-1, p[1], 1e-3);
        }
    }

    @Test
    void decoupledTiltShiftsTheEnergyModelsGaussianByWTimesTheRegressorsSlope() {
        // p_theta = N(0, I), f_omega(x) = a . x: p_theta(x) exp(w f_omega(x)) = N(w a, I).
        double[] a = {0.5, -0.25};
        LogDensity energy = gaussian(new double[] {0, 0}, 1);
        for (double w : new double[] {0, 2, 4}) {
            LogDensity tilted = z -> {
                double[][] slope = new double[z.length][];
                for (int i = 0; i < z.length; i++) {
                    slope[i] = a.clone();
                }
                return ComsExperiment.tilted(w, slope, energy.gradient(z));
            };
            SplittableRandom rng = new SplittableRandom(6);
            double[][] z = ChainSampler.langevin(2000, new StepSchedule(0.3, 0.1)).run(tilted, uniform(4000, rng), rng);
            double[] mean = mean(z);
            assertEquals(w * a[0], mean[0], 0.06, "w = " + w);
            assertEquals(w * a[1], mean[1], 0.06, "w = " + w);
            assertTrue(Math.abs(variance(z, 0, mean[0]) - 1) < 0.1, "w = " + w);
        }
    }

    private static double[][] uniform(int n, SplittableRandom rng) {
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = -1.5 + 3.5 * rng.nextDouble();
            row[1] = -1.5 + 3.5 * rng.nextDouble();
        }
        return x;
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

    private static double variance(double[][] z, int k, double mean) {
        double s = 0;
        for (double[] p : z) {
            s += (p[k] - mean) * (p[k] - mean);
        }
        return s / z.length;
    }
}
