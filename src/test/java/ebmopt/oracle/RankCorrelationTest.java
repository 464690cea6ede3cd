package ebmopt.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    @Test
    void matchesHandComputedValues() {
        // d = (0, 1, -1, 0): rho = 1 - 6 * 2 / (4 * 15) = 0.8
        assertEquals(0.8, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 30, 20, 40}), 1e-12);
        assertEquals(-1.0, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {9, 4, 1}), 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, 3, 4.5, 4.5}, RankCorrelation.ranks(new double[] {2, 2, 5, 7, 7}));
        // Monotone transforms do not change it.
        assertEquals(1.0, RankCorrelation.spearman(new double[] {0.1, 5, 2}, new double[] {Math.exp(0.1), 1e9, 8}),
                1e-12);
    }
}
