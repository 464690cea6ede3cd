package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TfBind8TaskTest {
    private final Task task = TaskRegistry.load("tf-bind-8", TestData.dir(), 1);

    @Test
    void visibleSplitIsTheLowerHalf() {
        Dataset v = task.visible();
        assertEquals(32_898, v.rows());
        assertEquals(new Encoding.Discrete(8, 4), task.encoding());
        assertEquals(0.43929616f, (float) task.bestVisibleY());
        assertEquals(0.439, task.scoreNormalisation().normalise(task.bestVisibleY()), 5e-4);
        assertEquals(Set.of(TfBind8Task.X_FILE, TfBind8Task.Y_FILE), task.dataChecksums().keySet());
    }

    @Test
    void theOracleReturnsEveryVisibleRowsScore() {
        Dataset v = task.visible();
        for (int i = 0; i < v.rows(); i++) {
            assertEquals(v.y()[i], task.score(v.tokens(i)), 0.0, "row " + i);
        }
    }

    @Test
    void theOracleCoversAllSequencesAndTheFullRange() {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        int[] tokens = new int[8];
        for (int index = 0; index < 1 << 16; index++) {
            KmerIndex.tokens(index, 8, 4, tokens, 0);
            double s = task.score(tokens);
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        assertEquals(0.0, lo, 1e-6);
        assertEquals(1.0, hi, 1e-6);
        assertThrows(IllegalArgumentException.class, () -> task.score(new int[] {0, 1, 2, 3, 4, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> task.score(new int[7]));
    }

    @Test
    void loadedOncePerJvm() {
        assertSame(task, TaskRegistry.load("tf-bind-8", TestData.dir(), 2));
        assertThrows(IllegalArgumentException.class, () -> TaskRegistry.load("tf-bind-9", TestData.dir(), 0));
    }

    @Test
    void aDesignOfTheWrongLengthIsRejectedNamingTheTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> task.score(new int[7]));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("tf-bind-8 design has 8 tokens"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> task.score(new int[]{0, 1, 2, 3, 4, 0, 1, 2}),
                "token 4 is outside the vocabulary of 4");
    }
}
