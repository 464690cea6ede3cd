package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TfBind10TaskTest {
    private static final float THRESHOLD = 0.005328223f;

    @Test
    void visibleIsASeededSampleOfTheLowerHalf() {
        TfBind10Task a = (TfBind10Task) TaskRegistry.load("tf-bind-10", TestData.dir(), 7);
        TfBind10Task same = (TfBind10Task) TaskRegistry.load("tf-bind-10", TestData.dir(), 7);
        TfBind10Task other = (TfBind10Task) TaskRegistry.load("tf-bind-10", TestData.dir(), 8);
        assertEquals(4_161_482, a.poolSize());
        assertEquals(10_000, a.visible().rows());
        assertEquals(new Encoding.Discrete(10, 4), a.encoding());
        assertArrayEquals(a.visible().tokens(), same.visible().tokens());
        assertArrayEquals(a.visible().y(), same.visible().y());
        assertFalse(Arrays.equals(a.visible().tokens(), other.visible().tokens()));
        assertTrue(Arrays.stream(a.visible().y()).allMatch(y -> y <= THRESHOLD));
        assertTrue(a.bestVisibleY() <= THRESHOLD && a.bestVisibleY() > THRESHOLD - 0.05, "" + a.bestVisibleY());
        // the pool's largest score is the threshold itself (normalised 0.467, data README)
        float max = -Float.MAX_VALUE;
        double poolMean = 0;
        for (float y : a.poolY()) {
            max = Math.max(max, y);
            poolMean += y / a.poolSize();
        }
        assertEquals(THRESHOLD, max);
        assertEquals(0.467, a.scoreNormalisation().normalise(max), 5e-4);
        // uniform: the sample's mean is the pool's within ~5 standard errors (pool std < 0.5)
        double mean = Arrays.stream(a.visible().y()).average().orElseThrow();
        assertEquals(poolMean, mean, 0.025);
    }

    @Test
    void theOracleIsTheLastOccurrence() {
        Task task = TaskRegistry.load("tf-bind-10", TestData.dir(), 0);
        int[] index = Npy.readInt32(TestData.dir().resolve(TfBind10Task.INDEX_FILE)).data();
        float[] y = Npy.readFloat32(TestData.dir().resolve(TfBind10Task.Y_FILE)).data();
        int[] probes = {0, 1, 12_345, 699_050, 1_048_575};
        int[] tokens = new int[10];
        for (int probe : probes) {
            int last = -1;
            int first = -1;
            int count = 0;
            for (int r = 0; r < index.length; r++) {
                if (index[r] == probe) {
                    last = r;
                    first = first < 0 ? r : first;
                    count++;
                }
            }
            assertTrue(count >= 5 && count <= 8, probe + " occurs " + count + " times");
            KmerIndex.tokens(probe, 10, 4, tokens, 0);
            assertEquals(y[last], task.score(tokens), 0.0, "10-mer " + probe);
            if (y[first] != y[last]) {
                assertTrue(task.score(tokens) != y[first]);
            }
        }
    }
}
