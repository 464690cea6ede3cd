package ebmopt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The product's ratio network (RatioNet) against the benchmark's SameDiff graph with the same
 * weights, at a small size: the benchmark's SameDiff and product figures time the same function.
 */
class SameDiffCheckTest {

    @Test
    void ratioNetMatchesTheSameDiffGraphInValueAndEveryGradient() {
        Nd4j.getRandom().setSeed(1);
        int blocks = 3;
        Map<String, Double> errors = SameDiffCheck.errors(20, 32, blocks, new int[] {5, 0, 7, 4}, 3);
        assertEquals(1 + 2 * (5 + blocks + 1), errors.size(), "f and a weight and a bias per layer: " + errors.keySet());
        errors.forEach((name, err) -> assertTrue(err < (name.equals("f") ? 1e-4 : 1e-3),
                name + ": max relative error " + err));
    }
}
