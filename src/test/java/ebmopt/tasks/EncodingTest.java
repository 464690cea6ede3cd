package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EncodingTest {

    @Test
    void logitsFollowDesignBench() {
        // K = 4: p = 0.7 for the token, 0.1 otherwise; minus the column of token 0
        double l7 = Math.log(7);
        assertArrayEquals(new double[] {-l7, -l7, -l7}, LogitsEncoding.encode(new int[] {0}, 4), 1e-12);
        assertArrayEquals(new double[] {0, l7, 0}, LogitsEncoding.encode(new int[] {2}, 4), 1e-12);
        assertArrayEquals(new int[] {0, 2}, LogitsEncoding.decode(new double[] {-l7, -l7, -l7, 0, l7, 0}, 4));
    }

    @Test
    void logitsRoundTrip() {
        SplittableRandom random = new SplittableRandom(3);
        for (int vocabulary : new int[] {2, 4, 20}) {
            for (int trial = 0; trial < 200; trial++) {
                int[] tokens = random.ints(10, 0, vocabulary).toArray();
                double[] logits = LogitsEncoding.encode(tokens, vocabulary);
                assertEquals(10 * (vocabulary - 1), logits.length);
                assertArrayEquals(tokens, LogitsEncoding.decode(logits, vocabulary));
            }
        }
    }

    @Test
    void minMaxNormalisesWithTheGivenRange() {
        MinMax m = MinMax.of(new double[] {2, -1, 5});
        assertEquals(new MinMax(-1, 5), m);
        assertArrayEquals(new double[] {0.5, 0, 1}, m.normalise(new double[] {2, -1, 5}), 1e-12);
        assertEquals(3.5, m.denormalise(m.normalise(3.5)), 1e-12);
        assertEquals(0.0, new MinMax(1, 1).normalise(1), 0.0);
    }

    @Test
    void percentileMatchesNumpyLinearInterpolation() {
        // np.percentile([1, 2, 3, 4], 50) = 2.5; np.percentile([5, 1, 4, 2, 3], 80) = 4.2
        assertEquals(2.5, Percentile.of(new float[] {4, 1, 3, 2}, 50), 1e-12);
        assertEquals(4.2, Percentile.of(new double[] {5, 1, 4, 2, 3}, 80), 1e-12);
        assertEquals(1.0, Percentile.of(new double[] {1}, 50), 0.0);
    }
}
