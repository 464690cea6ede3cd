package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ebmopt.experiment.TrialOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The proposals' metrics: percentiles on the full-data and the visible-data scale, and the raw
 * objective of the best and median design where the task has a known optimum (Branin), in the
 * metrics and the learning curve.
 */
class ProposalScoresTest {

    /**
     * Four designs scoring 0.2, 1.5, 0.4 and 1.0 on a task whose full data range over [-1, 3]
     * and whose best visible design scores 1: full scale (y + 1) / 4, visible scale (y + 1) / 2,
     * with NumPy's linear interpolation between ranks (sorted 0.2, 0.4, 1.0, 1.5).
     */
    @Test
    void percentilesOnBothScalesMatchAHandComputation() {
        Task task = new IdentityTask(new MinMax(-1, 3), 1.0);
        TrialOutcome outcome = new TrialOutcome();
        ProposalScores.ofFeatures(task, List.of(new double[] {0.2}, new double[] {1.5}, new double[] {0.4},
                new double[] {1.0})).recordTo(outcome, "", false);
        Map<String, Double> m = outcome.metrics();
        // p100 = 1.5; p75: rank 2.25 -> 1.0 + 0.25 * 0.5 = 1.125; p50: rank 1.5 -> 0.7; p25: rank 0.75 -> 0.35
        assertEquals(2.5 / 4, m.get("score_p100"), 1e-12);
        assertEquals(2.125 / 4, m.get("score_p75"), 1e-12);
        assertEquals(1.7 / 4, m.get("score_p50"), 1e-12);
        assertEquals(1.35 / 4, m.get("score_p25"), 1e-12);
        assertEquals(2.5 / 2, m.get("visible_score_p100"), 1e-12);
        assertEquals(2.125 / 2, m.get("visible_score_p75"), 1e-12);
        assertEquals(1.7 / 2, m.get("visible_score_p50"), 1e-12);
        assertEquals(1.35 / 2, m.get("visible_score_p25"), 1e-12);
        assertFalse(m.containsKey("raw_best") || m.containsKey("raw_median"), "no known optimum: no raw metrics");
    }

    /** TF-Bind-8's full range starts at 0, so its visible scale is y over the best visible score, 0.4393. */
    @Test
    void tfBind8sVisibleScaleIsTheScoreOverTheBestVisibleOne() {
        Task task = TaskRegistry.load("tf-bind-8", TestData.dir(), 1);
        Dataset v = task.visible();
        List<int[]> designs = List.of(v.tokens(0), v.tokens(1), v.tokens(2));
        TrialOutcome outcome = new TrialOutcome();
        ProposalScores.ofTokens(task, designs).recordTo(outcome, "", false);
        double best = Math.max(v.y()[0], Math.max(v.y()[1], v.y()[2]));
        assertEquals(best / 0.43929616, outcome.metrics().get("visible_score_p100"), 1e-6);
        assertEquals(task.scoreNormalisation().normalise(best), outcome.metrics().get("score_p100"), 1e-12);
    }

    /** Branin's raw metrics are f (BraninTask.value) of the best and the median of known points. */
    @Test
    void braninsRawBestAndMedianAreFOfTheBestAndMedianDesign() {
        Task task = TaskRegistry.load(BraninTask.NAME_SMALL, TestData.dir(), 3);
        double[][] points = {{-5, 0}, {Math.PI, 2.275}, {0, 0}, {5, 5}, {10, 15}};
        TrialOutcome outcome = new TrialOutcome();
        ProposalScores scores = ProposalScores.ofFeatures(task, Arrays.asList(points));
        scores.recordTo(outcome, "coms_", false);
        scores.recordCurve(outcome, 7);
        double[] f = Arrays.stream(points).mapToDouble(p -> BraninTask.value(p[0], p[1])).sorted().toArray();
        Map<String, Double> m = outcome.metrics();
        assertEquals(-0.397887, m.get("coms_raw_best"), 1e-6);
        assertEquals(f[4], m.get("coms_raw_best"), 0.0);
        assertEquals(f[2], m.get("coms_raw_median"), 0.0);
        assertEquals(List.of("score_p100 7 1.0", "score_p50 7 " + scores.percentile(50), "raw_best 7 " + f[4],
                "raw_median 7 " + f[2]), outcome.curves().stream()
                .map(c -> c.metric() + " " + c.step() + " " + c.value()).toList(), "the curve, f included");
        assertEquals(1.0, m.get("coms_score_p100"), 1e-12);
        double visibleBest = task.bestVisibleY();
        assertEquals((f[2] - BraninTask.MIN_VALUE) / (visibleBest - BraninTask.MIN_VALUE),
                m.get("coms_visible_score_p50"), 1e-12);
    }

    /** A one-feature task whose oracle is the feature itself, with a given score range and best visible score. */
    private record IdentityTask(MinMax scoreNormalisation, double bestVisibleY) implements Task {
        @Override
        public String name() {
            return "identity";
        }

        @Override
        public Encoding encoding() {
            return new Encoding.Continuous(1);
        }

        @Override
        public Dataset visible() {
            return new Dataset(1, 1, null, new double[] {bestVisibleY}, new double[] {bestVisibleY});
        }

        @Override
        public double score(double[] features) {
            return features[0];
        }

        @Override
        public boolean hasOracle() {
            return true;
        }

        @Override
        public Map<String, String> dataChecksums() {
            return Map.of();
        }
    }
}
