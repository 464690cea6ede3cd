package ebmopt.models.gaussian;

import ebmopt.models.Logistic;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the closed-form gradients of the Gaussian location family (docs/methods.md sections 2-3)
 * against finite differences of the sample objective and against their population limits.
 *
 * <p>Monte-Carlo bounds used below. For p_a = N(a, I), q0 = N(0, I) and r = exp(f_a):
 * r(x)^2 q0(x) = exp(|a|^2) N(x; 2a, I), hence E_q0[r^2 (x_k - a_k)^2] = exp(|a|^2) (1 + a_k^2).
 * One NWJ summand pair (x*_i - a) - r(x0_i)(x0_i - a) therefore has per-coordinate variance
 * 1 + exp(|a|^2)(1 + a_k^2) (the second moment of the q* term is 1 because E_q*[x - a*] = 0
 * and the cross term vanishes). The N2CE weights M/(M+r) and M r/(M+r) are bounded by the
 * NWJ weights 1 and r, so the same expression bounds the N2CE variance for every M.
 */
class GaussianGradientsTest {

    /** Rows of N(mean, I) (or N(0, I) when mean is null), row-major, dimension d. */
    private static double[] draw(SplittableRandom rng, int n, int d, double[] mean) {
        double[] out = new double[n * d];
        for (int k = 0; k < out.length; k++) {
            out[k] = rng.nextGaussian() + (mean == null ? 0 : mean[k % d]);
        }
        return out;
    }

    private static double[] minus(double[] x, double[] y) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] - y[i];
        }
        return z;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Per-coordinate standard error of the NWJ (and bound for N2CE) gradient from n pairs. */
    private static double[] standardErrors(double[] a, int n) {
        double sq = 0;
        for (double v : a) {
            sq += v * v;
        }
        double[] se = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            se[k] = Math.sqrt((1 + Math.exp(sq) * (1 + a[k] * a[k])) / n);
        }
        return se;
    }

    // ---- 1. gradients equal central finite differences of the sample objective ----

    static Stream<Arguments> finiteDifferenceCases() {
        return Stream.of(
                Arguments.of(GaussianObjective.N2CE, 1.0),
                Arguments.of(GaussianObjective.N2CE, 1.5),
                Arguments.of(GaussianObjective.N2CE, 10.0),
                Arguments.of(GaussianObjective.N2CE, 1000.0),
                Arguments.of(GaussianObjective.N2CE, 1e9),
                Arguments.of(GaussianObjective.NEG_REWEIGHT, 1.0),
                Arguments.of(GaussianObjective.NEG_REWEIGHT, 10.0),
                Arguments.of(GaussianObjective.NEG_REWEIGHT, 1e4),
                Arguments.of(GaussianObjective.NWJ, 1.0));
    }

    @ParameterizedTest(name = "{0}, M = {1}")
    @MethodSource("finiteDifferenceCases")
    void gradientMatchesCentralFiniteDifference(GaussianObjective objective, double m) {
        int d = 3;
        int n = 50;
        SplittableRandom rng = new SplittableRandom(Double.hashCode(m) * 31L + objective.ordinal());
        double[] target = {1.0, -0.5, 0.8};
        double[] positives = draw(rng, n, d, target);
        double[] negatives = draw(rng, n, d, null);
        for (int rep = 0; rep < 5; rep++) {
            double[] a = new double[d];
            for (int i = 0; i < d; i++) {
                a[i] = rng.nextGaussian();
            }
            double[] g = GaussianGradients.gradient(objective, m, a, positives, negatives, target);
            // h = 1e-5: truncation error ~ h^2 |f'''| ~ 1e-10 and rounding ~ eps |L| / h ~ 1e-9
            // (|L| ~ 20 when log M ~ 20.7), both far below the 1e-6 relative tolerance.
            double h = 1e-5;
            double[] fd = new double[d];
            for (int i = 0; i < d; i++) {
                double[] up = a.clone();
                double[] down = a.clone();
                up[i] += h;
                down[i] -= h;
                fd[i] = (GaussianGradients.objective(objective, m, up, positives, negatives)
                        - GaussianGradients.objective(objective, m, down, positives, negatives)) / (2 * h);
            }
            double scale = Math.max(1.0, norm(g));
            for (int i = 0; i < d; i++) {
                assertEquals(fd[i], g[i], 1e-6 * scale,
                        objective + " M=" + m + " rep " + rep + " coordinate " + i);
            }
        }
    }

    // ---- 2. N2CE approaches the MLE gradient as M grows ----

    @Test
    void n2ceApproachesMleGradientAsMGrows() {
        int d = 2;
        int n = 200_000;
        double[] target = {1.5, -0.8};
        double[] a = {0.5, 0.0};
        SplittableRandom rng = new SplittableRandom(20240517L);
        double[] positives = draw(rng, n, d, target);
        double[] negatives = draw(rng, n, d, null);
        double[] mle = minus(target, a);

        double[] ms = {1, 10, 100, 1e4, 1e9};
        double[] err = new double[ms.length];
        for (int k = 0; k < ms.length; k++) {
            double[] g = GaussianGradients.gradient(GaussianObjective.N2CE, ms[k], a, positives, negatives, target);
            err[k] = norm(minus(g, mle));
        }
        // Monte-Carlo bound: 5 standard errors of the norm, sqrt(sum_k se_k^2) from the class
        // comment (about 0.0049 here, so the bound is about 0.025); the squared bias at M = 1e4
        // is O(1/M^2), negligible at this scale.
        double[] se = standardErrors(a, n);
        double bound = 5 * norm(se);
        assertTrue(bound < 0.03, "bound " + bound);

        assertTrue(err[0] > err[1], "M=1 vs M=10: " + err[0] + " " + err[1]);
        assertTrue(err[1] > err[2], "M=10 vs M=100: " + err[1] + " " + err[2]);
        assertTrue(err[3] < bound, "M=1e4 error " + err[3] + " exceeds " + bound);
        assertTrue(err[4] < bound, "M=1e9 error " + err[4] + " exceeds " + bound);
        // The bias of NCE (M = 1) is about 0.8 here: far outside Monte-Carlo error.
        assertTrue(err[0] > 10 * bound, "M=1 error " + err[0] + " should show the NCE bias");
    }

    // ---- 3. The NWJ limit ----

    @Test
    void n2ceWithHugeMEqualsNwjOnTheSameSamples() {
        int d = 2;
        int n = 200_000;
        double[] target = {1.5, -0.8};
        double[] a = {0.5, 0.0};
        SplittableRandom rng = new SplittableRandom(7L);
        double[] positives = draw(rng, n, d, target);
        double[] negatives = draw(rng, n, d, null);
        double m = 1e9;

        double[] n2ce = GaussianGradients.gradient(GaussianObjective.N2CE, m, a, positives, negatives, target);
        double[] nwj = GaussianGradients.gradient(GaussianObjective.NWJ, 1, a, positives, negatives, target);

        // Exact per-sample differences: 1 - M/(M+r) = r/(M+r) <= r/M on q* samples and
        // r - M r/(M+r) = r^2/(M+r) <= r^2/M on q0 samples, so per coordinate
        // |N2CE - NWJ| <= (1/n) sum r|x-a| / M + (1/n) sum r^2 |x-a| / M. Computed from the
        // samples; plus 1e-10 for rounding in sums of 2e5 terms of size O(1).
        double[] bound = new double[d];
        for (int row = 0; row < n; row++) {
            double rPos = Math.exp(GaussianGradients.logRatio(a, positives, row));
            double rNeg = Math.exp(GaussianGradients.logRatio(a, negatives, row));
            for (int i = 0; i < d; i++) {
                bound[i] += (rPos / m * Math.abs(positives[row * d + i] - a[i])
                        + rNeg * rNeg / m * Math.abs(negatives[row * d + i] - a[i])) / n;
            }
        }
        for (int i = 0; i < d; i++) {
            assertTrue(bound[i] < 1e-7, "sanity: the M = 1e9 correction is tiny, got " + bound[i]);
            assertEquals(nwj[i], n2ce[i], bound[i] + 1e-10, "coordinate " + i);
        }
    }

    @Test
    void nwjGradientIsUnbiasedForMleGradient() {
        int d = 2;
        int n = 200_000;
        double[] target = {1.5, -0.8};
        double[] a = {-0.3, 0.6};
        SplittableRandom rng = new SplittableRandom(11L);
        double[] positives = draw(rng, n, d, target);
        double[] negatives = draw(rng, n, d, null);
        double[] g = GaussianGradients.gradient(GaussianObjective.NWJ, 1, a, positives, negatives, target);
        double[] se = standardErrors(a, n);
        for (int i = 0; i < d; i++) {
            // 5 standard errors (exact NWJ variance, class comment): about 0.018 per coordinate.
            assertEquals(target[i] - a[i], g[i], 5 * se[i], "coordinate " + i);
        }
    }

    // ---- 4. The stationary point is right for every M ----

    @ParameterizedTest(name = "M = {0}")
    @ValueSource(doubles = {1, 2, 10, 100, 1000, 1e9})
    void n2ceGradientVanishesAtTarget(double m) {
        int d = 2;
        int n = 500_000;
        double[] target = {1.0, -0.5};
        SplittableRandom rng = new SplittableRandom(99L + Double.hashCode(m));
        double[] positives = draw(rng, n, d, target);
        double[] negatives = draw(rng, n, d, null);
        double[] g = GaussianGradients.gradient(GaussianObjective.N2CE, m, target.clone(), positives, negatives,
                target);
        double[] se = standardErrors(target, n);
        for (int i = 0; i < d; i++) {
            // Population gradient at a = a* is exactly 0 (E_q0[r h] = E_{p_a}[h], p_a = q*);
            // 5 standard errors of the variance bound in the class comment (about 0.02).
            assertEquals(0.0, g[i], 5 * se[i], "coordinate " + i);
        }
    }

    @Test
    void n2ceGradientAwayFromTargetIsNotZero() {
        // Guards the previous test against a gradient that is trivially 0.
        int d = 2;
        int n = 500_000;
        double[] target = {1.0, -0.5};
        double[] a = {0.0, 0.0};
        SplittableRandom rng = new SplittableRandom(5L);
        double[] g = GaussianGradients.gradient(GaussianObjective.N2CE, 10, a, draw(rng, n, d, target),
                draw(rng, n, d, null), target);
        assertTrue(norm(g) > 0.3, "gradient norm " + norm(g));
    }

    // ---- 5. MLE ----

    @Test
    void mleGradientIsExactlyTargetMinusA() {
        SplittableRandom rng = new SplittableRandom(3L);
        int d = 4;
        double[] target = {0.3, -1.7, 2.25, 1e-3};
        double[] a = {-0.1, 0.45, 2.25, -7.0};
        double[] expected = new double[d];
        for (int i = 0; i < d; i++) {
            expected[i] = target[i] - a[i];
        }
        double[] withSamples = GaussianGradients.gradient(GaussianObjective.MLE, 1, a, draw(rng, 10, d, target),
                draw(rng, 10, d, null), target);
        double[] withoutSamples = GaussianGradients.gradient(GaussianObjective.MLE, 1, a, null, null, target);
        assertArrayEquals(expected, withSamples, 0.0);
        assertArrayEquals(expected, withoutSamples, 0.0);
        assertArrayEquals(new double[]{0.3, -1.7, 2.25, 1e-3}, target, 0.0, "target must not be modified");
        assertArrayEquals(new double[]{-0.1, 0.45, 2.25, -7.0}, a, 0.0, "a must not be modified");
    }

    @Test
    void mleHasNoSampleObjective() {
        double[] x = {0.0, 0.0};
        assertThrows(IllegalArgumentException.class,
                () -> GaussianGradients.objective(GaussianObjective.MLE, 1, new double[]{0, 0}, x, x));
    }

    // ---- helpers of the implementation ----

    @Test
    void sigmoidAndSoftplusAreStableAndCorrect() {
        for (double x : new double[]{-30, -2.5, 0, 1, 4, 30}) {
            // 1e-15: both sides are well-conditioned here.
            assertEquals(1 / (1 + Math.exp(-x)), Logistic.sigmoid(x), 1e-15);
            assertEquals(Math.log(1 + Math.exp(x)), Logistic.softplus(x), 1e-14 * Math.max(1, x));
        }
        assertEquals(1.0, Logistic.sigmoid(1000), 0.0);
        assertEquals(0.0, Logistic.sigmoid(-1000), 0.0);
        assertEquals(1000.0, Logistic.softplus(1000), 0.0);
        assertEquals(0.0, Logistic.softplus(-1000), 0.0);
        assertTrue(Double.isFinite(Logistic.softplus(1e300)));
    }

    @Test
    void logRatioMatchesDefinition() {
        double[] a = {1.0, -2.0, 0.5};
        double[] x = {9, 9, 9, 0.2, 0.4, -1.0};
        // f_a(x) = a.x - |a|^2/2 = (0.2 - 0.8 - 0.5) - 5.25/2 for row 1.
        assertEquals(-1.1 - 2.625, GaussianGradients.logRatio(a, x, 1), 1e-15);
    }
}
