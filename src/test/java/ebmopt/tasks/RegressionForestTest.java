package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionForestTest {
    /** x[0] <= 1 ? 10 : (x[1] <= 0 ? 20 : 30). */
    private static RegressionForest.Tree stump() {
        return new RegressionForest.Tree(new int[] {0, -1, 1, -1, -1}, new double[] {1, 0, 0, 0, 0},
                new int[] {1, 0, 3, 0, 0}, new int[] {2, 0, 4, 0, 0}, new double[] {0, 10, 0, 20, 30});
    }

    @Test
    void predictsTheMeanOfItsTreesGoingLeftOnLessOrEqual() {
        RegressionForest.Tree leaf = new RegressionForest.Tree(new int[] {-1}, new double[1], new int[1], new int[1],
                new double[] {4});
        RegressionForest forest = new RegressionForest(2, List.of(stump(), leaf));
        assertEquals((10 + 4) / 2.0, forest.predict(new double[] {1, 5}));
        assertEquals((20 + 4) / 2.0, forest.predict(new double[] {1.5, 0}));
        assertEquals((30 + 4) / 2.0, forest.predict(new double[] {1.5, 1e-9}));
        assertThrows(IllegalArgumentException.class, () -> forest.predict(new double[3]));
    }

    @Test
    void rejectsMalformedTrees() {
        // a child pointing back at its parent (a cycle), and a split on a feature the design lacks
        assertThrows(IllegalArgumentException.class, () -> new RegressionForest(2, List.of(new RegressionForest.Tree(
                new int[] {0, 0, -1}, new double[3], new int[] {1, 0, 0}, new int[] {2, 2, 0}, new double[3]))));
        assertThrows(IllegalArgumentException.class, () -> new RegressionForest(1, List.of(stump())));
    }
}
