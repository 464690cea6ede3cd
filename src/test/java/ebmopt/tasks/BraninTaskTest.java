package ebmopt.tasks;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Branin: its known maxima, the offline split without the top 10%, and the normalisation. */
class BraninTaskTest {
    private static final Path NO_DATA = Path.of("no-data-needed");

    @Test
    void theThreeGlobalMaximaHaveTheKnownValue() {
        // docs/methods.md section 6: -0.398 at (-pi, 12.275), (pi, 2.275), (9.425, 2.475).
        assertEquals(-0.397887, BraninTask.value(-Math.PI, 12.275), 1e-6);
        assertEquals(-0.397887, BraninTask.value(Math.PI, 2.275), 1e-6);
        assertEquals(-0.397887, BraninTask.value(3 * Math.PI, 2.475), 1e-6);
        assertEquals(-0.397887, BraninTask.MAX_VALUE, 1e-6);
    }

    @Test
    void noPointOfTheDomainLiesOutsideTheNormalisationRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= 600; i++) {
            for (int j = 0; j <= 600; j++) {
                double v = BraninTask.value(-5 + 15.0 * i / 600, 15.0 * j / 600);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        assertEquals(BraninTask.MIN_VALUE, lo, 1e-9, "the minimum is at the corner (-5, 0)");
        assertTrue(hi <= BraninTask.MAX_VALUE + 1e-12 && hi > BraninTask.MAX_VALUE - 1e-2);
        assertEquals(-308.129, BraninTask.MIN_VALUE, 1e-3);
        MinMax range = TaskRegistry.load("branin", NO_DATA, 1).scoreNormalisation();
        assertEquals(1.0, range.normalise(BraninTask.value(Math.PI, 2.275)), 1e-6);
    }

    @Test
    void theOfflineDataLacksTheTopTenPercent() {
        Task full = TaskRegistry.load("branin", NO_DATA, 42);
        Dataset d = full.visible();
        assertEquals(4500, d.rows());
        assertEquals(new Encoding.Continuous(2), full.encoding());
        for (int i = 0; i < d.rows(); i++) {
            double[] x = d.features(i);
            assertTrue(x[0] >= -5 && x[0] <= 10 && x[1] >= 0 && x[1] <= 15);
            assertEquals(full.score(x), d.y()[i], 0.0, "the oracle is f itself");
        }
        // With 5000 uniform points the top 10% starts well below the maxima.
        assertTrue(d.maxY() < -5, "best visible " + d.maxY());
        assertEquals(45, TaskRegistry.load("branin-50", NO_DATA, 42).visible().rows());
    }

    @Test
    void theSplitIsDrawnWithTheSeed() {
        double[] a = TaskRegistry.load("branin", NO_DATA, 7).visible().features();
        double[] b = TaskRegistry.load("branin", NO_DATA, 7).visible().features();
        double[] c = TaskRegistry.load("branin", NO_DATA, 8).visible().features();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }
}
