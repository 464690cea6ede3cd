package ebmopt.models.coms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Where training chains start: the batch, noise, half each, or where earlier chains ended. */
class ChainStartsTest {
    private static final double[][] BATCH = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};

    private static ChainStarts starts(NegativeStart kind, int buffer, double reinit, AtomicInteger noiseDraws) {
        return new ChainStarts(kind, buffer, reinit, () -> {
            noiseDraws.incrementAndGet();
            return new double[] {-7, -7};
        });
    }

    @Test
    void batchMixedAndUniformStarts() {
        AtomicInteger draws = new AtomicInteger();
        assertSame(BATCH, starts(NegativeStart.BATCH, 1, 0, draws).open(new SplittableRandom(1)).starts(BATCH));
        double[][] mixed = starts(NegativeStart.MIXED, 1, 0, draws).open(new SplittableRandom(1)).starts(BATCH);
        assertArrayEquals(BATCH[0], mixed[0]);
        assertArrayEquals(new double[] {-7, -7}, mixed[1]);
        assertArrayEquals(BATCH[2], mixed[2]);
        double[][] uniform = starts(NegativeStart.UNIFORM, 1, 0, draws).open(new SplittableRandom(1)).starts(BATCH);
        for (double[] u : uniform) {
            assertArrayEquals(new double[] {-7, -7}, u);
        }
    }

    @Test
    void persistentChainsStartWhereEarlierChainsEnded() {
        AtomicInteger draws = new AtomicInteger();
        ChainStarts.Run run = starts(NegativeStart.PERSISTENT, 3, 0, draws).open(new SplittableRandom(2));
        assertEquals(3, draws.get(), "the buffer starts as noise");
        for (int round = 0; round < 20; round++) {
            double[][] s = run.starts(BATCH);
            double[][] ends = new double[s.length][];
            for (int i = 0; i < s.length; i++) {
                assertTrue(s[i][0] == -7 || s[i][0] >= 0, "a start is noise or an earlier end: " + s[i][0]);
                ends[i] = new double[] {s[i][0] < 0 ? 0 : s[i][0] + 1, 0};
            }
            run.ended(ends);
        }
        // with no restarts, every buffer point has moved on from noise: chains persisted
        double[][] last = run.starts(BATCH);
        for (double[] p : last) {
            assertTrue(p[0] >= 0, "no point is still the initial noise after 20 rounds: " + p[0]);
        }
        assertEquals(3, draws.get(), "no restarts at replay-reinit = 0");
    }

    @Test
    void persistentChainsRestartFromNoiseAtTheReinitRate() {
        AtomicInteger draws = new AtomicInteger();
        ChainStarts.Run run = starts(NegativeStart.PERSISTENT, 100, 0.25, draws).open(new SplittableRandom(3));
        int n = 0;
        for (int round = 0; round < 500; round++) {
            double[][] s = run.starts(BATCH);
            run.ended(new double[][] {{5, 5}, {5, 5}, {5, 5}, {5, 5}});
            n += s.length;
        }
        double rate = (draws.get() - 100) / (double) n;
        assertEquals(0.25, rate, 0.03, "restarts per drawn point");
    }
}
