package ebmopt.models.gaussian;

import java.util.ArrayList;
import java.util.List;

import ebmopt.config.InvalidParameterException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gradient ascent in the Gaussian location family (docs/methods.md section 3) and the validation
 * of its parameters.
 */
class GaussianSimulationTest {

    /** The Table 13/14 setting: d = 5, a* = (-1.5, -0.75, 0, 0.75, 1.5), a0 = -a*. */
    private static final List<Double> TARGET = List.of(-1.5, -0.75, 0.0, 0.75, 1.5);
    private static final List<Double> START = List.of(1.5, 0.75, 0.0, -0.75, -1.5);

    private static GaussianParams params(GaussianObjective objective, double m, int samples, int iterations,
                                         SampleRefresh refresh) {
        return new GaussianParams(objective, m, 5, TARGET, START, samples, 0.2, iterations, refresh, 1);
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Double.doubleToRawLongBits(x[i]);
        }
        return b;
    }

    private static void assertBitIdentical(GaussianSimulation.Trajectory x, GaussianSimulation.Trajectory y) {
        assertArrayEquals(bits(x.squaredDistance()), bits(y.squaredDistance()));
        assertArrayEquals(bits(x.gradientError()), bits(y.gradientError()));
        assertEquals(Double.doubleToRawLongBits(x.finalSquaredDistance()),
                Double.doubleToRawLongBits(y.finalSquaredDistance()));
    }

    // ---- 6. the simulation ----

    @Test
    void mleTrajectoryMatchesClosedForm() {
        int t = 150;
        GaussianSimulation.Trajectory path = GaussianSimulation.run(
                params(GaussianObjective.MLE, 1, 500, t, SampleRefresh.EVERY_ITERATION), 1L, step -> { });
        // With g = a* - a the update is a_{t+1} - a* = (1 - eta)(a_t - a*) = 0.8 (a_t - a*), so
        // |a_t - a*|^2 = 0.64^t |a0 - a*|^2 and |a0 - a*|^2 = |2 a*|^2 = 4 (2*2.25 + 2*0.5625) = 22.5.
        // The trajectory-wise mean (1/T) sum_{t<T} 22.5 * 0.64^t is a geometric sum:
        // 22.5 * (1 - 0.64^T) / (1 - 0.64) / T.
        double expected = 22.5 * (1 - Math.pow(0.64, t)) / (1 - 0.64) / t;
        // 1e-12 relative: 150 steps each with O(1e-16) rounding, no cancellation.
        assertEquals(expected, path.meanSquaredDistance(), 1e-12 * expected);
        assertEquals(t, path.squaredDistance().length);
        for (int s = 0; s < t; s++) {
            double exact = 22.5 * Math.pow(0.64, s);
            // The gap a_t - a* is a difference of O(1) numbers: besides 1e-12 relative, allow an
            // absolute gap error of ~1e-15 per coordinate (a few ulps of |a*| <= 1.5), i.e.
            // 2 |gap| 1e-15 sqrt(d) <= 1e-14 sqrt(exact) in the square, and a 1e-28 floor.
            double tol = 1e-12 * exact + 1e-14 * Math.sqrt(exact) + 1e-28;
            assertEquals(exact, path.squaredDistance()[s], tol, "step " + s);
            assertEquals(0.0, path.gradientError()[s], 0.0, "MLE gradient has no error, step " + s);
        }
        // |a_T - a*|^2 = 22.5 * 0.64^150 ~ 2e-28 is at the rounding floor of a (see above).
        double last = 22.5 * Math.pow(0.64, t);
        assertEquals(last, path.finalSquaredDistance(), 1e-12 * last + 1e-14 * Math.sqrt(last) + 1e-28);
        assertEquals(0.0, path.meanGradientError(), 0.0);
    }

    @Test
    void sameSeedGivesBitIdenticalTrajectories() {
        GaussianParams p = params(GaussianObjective.N2CE, 10, 500, 150, SampleRefresh.EVERY_ITERATION);
        GaussianSimulation.Trajectory x = GaussianSimulation.run(p, 42L, step -> { });
        GaussianSimulation.Trajectory y = GaussianSimulation.run(p, 42L, step -> { });
        assertBitIdentical(x, y);
    }

    @Test
    void differentSeedsGiveDifferentTrajectories() {
        GaussianParams p = params(GaussianObjective.N2CE, 10, 500, 150, SampleRefresh.EVERY_ITERATION);
        GaussianSimulation.Trajectory x = GaussianSimulation.run(p, 42L, step -> { });
        GaussianSimulation.Trajectory y = GaussianSimulation.run(p, 43L, step -> { });
        // Step 0 is at a0 for both seeds; the gradients and everything after differ.
        assertEquals(x.squaredDistance()[0], y.squaredDistance()[0], 0.0);
        assertTrue(x.gradientError()[0] != y.gradientError()[0]);
        assertTrue(x.squaredDistance()[1] != y.squaredDistance()[1]);
        assertTrue(x.meanSquaredDistance() != y.meanSquaredDistance());
        assertTrue(x.finalSquaredDistance() != y.finalSquaredDistance());
    }

    @Test
    void sampleRefreshOnceDiffersFromEveryIteration() {
        int t = 150;
        GaussianSimulation.Trajectory once = GaussianSimulation.run(
                params(GaussianObjective.N2CE, 100, 500, t, SampleRefresh.ONCE), 42L, step -> { });
        GaussianSimulation.Trajectory every = GaussianSimulation.run(
                params(GaussianObjective.N2CE, 100, 500, t, SampleRefresh.EVERY_ITERATION), 42L, step -> { });
        // Both draw the same first sample set from the same seed, so step 0 and its update agree.
        assertEquals(once.gradientError()[0], every.gradientError()[0], 0.0);
        assertEquals(once.squaredDistance()[1], every.squaredDistance()[1], 0.0);
        // From step 1 on EVERY_ITERATION uses new samples.
        assertTrue(once.gradientError()[1] != every.gradientError()[1]);
        assertTrue(once.meanSquaredDistance() != every.meanSquaredDistance());
        // ONCE ascends one fixed empirical objective and settles geometrically at its maximiser
        // (about 1e-9 change per step by t = 150 here), while fresh samples keep moving a by
        // eta * O(sqrt(Var g)), changes of order 1e-3 in |a - a*|^2. 1e-5 separates the two.
        assertTrue(lastMoves(once) < 1e-5, "ONCE still moving: " + lastMoves(once));
        assertTrue(lastMoves(every) > 1e-5, "EVERY_ITERATION stopped: " + lastMoves(every));
    }

    /** sum over the last 10 steps of |change in |a_t - a*|^2|. */
    private static double lastMoves(GaussianSimulation.Trajectory path) {
        double[] d = path.squaredDistance();
        int t = d.length;
        double sum = Math.abs(path.finalSquaredDistance() - d[t - 1]);
        for (int s = t - 10; s < t - 1; s++) {
            sum += Math.abs(d[s + 1] - d[s]);
        }
        return sum;
    }

    @Test
    void onStepIsCalledOncePerIterationInOrder() {
        int t = 37;
        List<Long> steps = new ArrayList<>();
        GaussianSimulation.run(params(GaussianObjective.N2CE, 2, 20, t, SampleRefresh.EVERY_ITERATION), 5L,
                steps::add);
        assertEquals(t, steps.size());
        for (int s = 0; s < t; s++) {
            assertEquals(s + 1, steps.get(s));
        }
    }

    @Test
    void n2ceRunConvergesTowardsTarget() {
        // Sanity of the ascent direction: from |a0 - a*|^2 = 22.5 the Table 14 setting with
        // N2CE (M = 100, n = 500) ends near a*, as the paper's traj_mse ~ 0.45 implies.
        GaussianSimulation.Trajectory path = GaussianSimulation.run(
                params(GaussianObjective.N2CE, 100, 500, 150, SampleRefresh.EVERY_ITERATION), 8L, step -> { });
        // 0.1: stationary fluctuations are about eta/(2 - eta) * d * Var(g) ~ 0.11 * 5 * 0.01.
        assertTrue(path.finalSquaredDistance() < 0.1, "final " + path.finalSquaredDistance());
        assertTrue(path.meanSquaredDistance() < 1.0, "traj_mse " + path.meanSquaredDistance());
        assertTrue(path.meanSquaredDistance() > 22.5 / 150, "traj_mse includes the start");
    }

    // ---- 7. parameter validation ----

    @Test
    void noiseMagnitudeBelowOneIsRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> params(GaussianObjective.N2CE, 0.5, 500, 150, SampleRefresh.EVERY_ITERATION));
        assertEquals("noise-magnitude", e.key());
    }

    @Test
    void nonFiniteNoiseMagnitudeIsRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> params(GaussianObjective.N2CE, Double.POSITIVE_INFINITY, 500, 150,
                        SampleRefresh.EVERY_ITERATION));
        assertEquals("noise-magnitude", e.key());
        e = assertThrows(InvalidParameterException.class,
                () -> params(GaussianObjective.N2CE, Double.NaN, 500, 150, SampleRefresh.EVERY_ITERATION));
        assertEquals("noise-magnitude", e.key());
    }

    @Test
    void noiseMagnitudeWithNwjIsRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> params(GaussianObjective.NWJ, 10, 500, 150, SampleRefresh.EVERY_ITERATION));
        assertEquals("noise-magnitude", e.key());
        e = assertThrows(InvalidParameterException.class,
                () -> params(GaussianObjective.MLE, 2, 500, 150, SampleRefresh.EVERY_ITERATION));
        assertEquals("noise-magnitude", e.key());
    }

    @Test
    void validSettingsAreAccepted() {
        params(GaussianObjective.NWJ, 1, 500, 150, SampleRefresh.EVERY_ITERATION);
        params(GaussianObjective.N2CE, 1, 2, 1, SampleRefresh.ONCE);
        params(GaussianObjective.NEG_REWEIGHT, 1e9, 500, 150, SampleRefresh.ONCE);
        assertFalse(GaussianObjective.NWJ.usesNoiseMagnitude());
        assertFalse(GaussianObjective.MLE.usesNoiseMagnitude());
    }

    @Test
    void targetOfWrongSizeIsRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new GaussianParams(GaussianObjective.N2CE, 1, 5, List.of(1.0, 2.0), START, 500, 0.2, 150,
                        SampleRefresh.EVERY_ITERATION, 1));
        assertEquals("target", e.key());
    }

    @Test
    void startOfWrongSizeIsRejected() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new GaussianParams(GaussianObjective.N2CE, 1, 5, TARGET, List.of(0.0), 500, 0.2, 150,
                        SampleRefresh.EVERY_ITERATION, 1));
        assertEquals("start", e.key());
    }

    @Test
    void paramsCopyTheirLists() {
        List<Double> target = new ArrayList<>(TARGET);
        GaussianParams p = new GaussianParams(GaussianObjective.MLE, 1, 5, target, START, 500, 0.2, 150,
                SampleRefresh.EVERY_ITERATION, 1);
        target.set(0, 99.0);
        assertEquals(-1.5, p.target().get(0), 0.0);
    }
}
