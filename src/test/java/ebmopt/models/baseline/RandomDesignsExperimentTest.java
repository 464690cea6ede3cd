package ebmopt.models.baseline;

import ebmopt.experiment.TrialOutcome;
import ebmopt.tasks.BraninTask;
import ebmopt.tasks.Encoding;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import ebmopt.testing.PlainTrialContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomDesignsExperimentTest {

    @Test
    void sequencesAreDistinctAndUniformAtEveryPosition() {
        Encoding.Discrete space = new Encoding.Discrete(8, 4);
        int q = 4000;
        List<int[]> designs = RandomDesignsExperiment.distinctSequences(space, q, new SplittableRandom(3));
        Set<String> distinct = new HashSet<>();
        designs.forEach(d -> distinct.add(Arrays.toString(d)));
        assertEquals(q, distinct.size());
        for (int position = 0; position < 8; position++) {
            int[] counts = new int[4];
            for (int[] d : designs) {
                counts[d[position]]++;
            }
            double expected = q / 4.0;
            double chiSquare = Arrays.stream(counts).mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
            // 3 degrees of freedom: P(chi2 > 16.27) = 0.001
            assertTrue(chiSquare < 16.27, "position " + position + " counts " + Arrays.toString(counts));
        }
    }

    @Test
    void aBudgetAboveTheDesignSpaceIsRefused() {
        Encoding.Discrete space = new Encoding.Discrete(2, 3);
        assertEquals(9, RandomDesignsExperiment.distinctSequences(space, 9, new SplittableRandom(1)).size());
        assertThrows(IllegalArgumentException.class,
                () -> RandomDesignsExperiment.distinctSequences(space, 10, new SplittableRandom(1)));
    }

    @Test
    void braninPointsFillItsBox() {
        Task branin = TaskRegistry.load(BraninTask.NAME, Path.of("../shared/data"), 1);
        List<double[]> points = RandomDesignsExperiment.pointsInBox(branin, 2, 20000, new SplittableRandom(5));
        double[] mean = new double[2];
        for (double[] x : points) {
            assertTrue(x[0] >= BraninTask.X1_LOW && x[0] <= BraninTask.X1_HIGH, Arrays.toString(x));
            assertTrue(x[1] >= BraninTask.X2_LOW && x[1] <= BraninTask.X2_HIGH, Arrays.toString(x));
            mean[0] += x[0] / points.size();
            mean[1] += x[1] / points.size();
        }
        // uniform: mean at the centre, std of the mean 15 / sqrt(12 * 20000) ~ 0.03
        assertEquals(2.5, mean[0], 0.15);
        assertEquals(7.5, mean[1], 0.15);
    }

    /**
     * The best of Q = 256 uniform TF-Bind-8 designs, averaged over seeds, against its exact
     * expectation: the maximum of Q draws without replacement from the oracle's 65,536 values,
     * E = sum_k v_(k) [C(k, Q) - C(k - 1, Q)] / C(N, Q) over the sorted values v_(1) <= ... <= v_(N).
     */
    @Test
    void theBestOfQDesignsMatchesItsExactExpectationOnTfBind8() {
        Task task = TaskRegistry.load("tf-bind-8", Path.of("../shared/data"), 0);
        int n = 1 << 16;
        double[] raw = new double[n];
        for (int index = 0; index < n; index++) {
            int[] tokens = new int[8];
            for (int i = 0, rest = index; i < 8; i++, rest /= 4) {
                tokens[7 - i] = rest % 4;
            }
            raw[index] = task.score(tokens);
        }
        double[] values = task.scoreNormalisation().normalise(raw);
        Arrays.sort(values);
        int q = 256;
        double[] logFactorial = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        }
        double expected = 0;
        double logAll = logChoose(logFactorial, n, q);
        for (int k = q; k <= n; k++) {
            double atMost = Math.exp(logChoose(logFactorial, k, q) - logAll);
            double below = k - 1 >= q ? Math.exp(logChoose(logFactorial, k - 1, q) - logAll) : 0;
            expected += values[k - 1] * (atMost - below);
        }
        int seeds = 24;
        double sum = 0;
        double sumSquares = 0;
        RandomDesignsExperiment experiment = new RandomDesignsExperiment();
        for (int seed = 0; seed < seeds; seed++) {
            TrialOutcome outcome = experiment.run(new RandomDesignsParams("tf-bind-8", q), new PlainTrialContext(seed));
            double best = outcome.metrics().get("score_p100");
            sum += best;
            sumSquares += best * best;
            assertEquals(q, outcome.candidates().size());
        }
        double mean = sum / seeds;
        double standardError = Math.sqrt((sumSquares / seeds - mean * mean) / (seeds - 1));
        assertTrue(Math.abs(mean - expected) < 4 * standardError + 1e-3,
                "mean best " + mean + " against the exact expectation " + expected + " (se " + standardError + ")");
    }

    private static double logChoose(double[] logFactorial, int n, int k) {
        return logFactorial[n] - logFactorial[k] - logFactorial[n - k];
    }
}
