package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ebmopt.tasks.MinMax;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * y-target: the y_max of l(z) on the visible data's normalised y reaches the sampler's fit term,
 * moves the model's predicted scores with it, and at its default (1) leaves earlier trial ids alone.
 */
class YTargetTest {
    @Test
    void theFitTermIsMinusLambda1TimesTheMeanSquaredDistanceOfGyFromTheTarget() {
        Task task = TaskRegistry.load("branin-50", TinyLebm.DATA, TinyLebm.SEED);
        LatentEbm model = TinyLebm.trained(TinyLebm.PARAMS, task);
        List<LebmResampler.Variant> variants = LebmResampler.variants(TinyLebm.PARAMS,
                Map.of("y-target", List.of("0.0", "1.3"), "lambda2", List.of("0")));
        MinMax y = task.visible().yRange();
        for (LebmResampler.Variant v : variants) {
            LebmExperiment.Proposals p = LebmExperiment.finalProposals(model, task, v.params());
            double target = v.params().yTarget();
            double byHand = -v.params().lambda1() * Arrays.stream(p.predicted())
                    .map(raw -> Math.pow(target - y.normalise(raw), 2)).average().orElseThrow();
            assertEquals(byHand, p.fitTerm(), 1e-3 * Math.abs(byHand), v.label());
        }
    }

    @Test
    void aHigherTargetDrawsTheParticlesToHigherPredictedScores() {
        Task task = TaskRegistry.load("branin-50", TinyLebm.DATA, TinyLebm.SEED);
        LatentEbm model = TinyLebm.trained(TinyLebm.PARAMS, task);
        List<LebmResampler.Variant> variants = LebmResampler.variants(TinyLebm.PARAMS,
                Map.of("y-target", List.of("0.0", "1.3"), "lambda2", List.of("0"), "sampler-steps", List.of("60")));
        double low = mean(LebmExperiment.finalProposals(model, task, variants.get(0).params()).predicted());
        double high = mean(LebmExperiment.finalProposals(model, task, variants.get(1).params()).predicted());
        assertTrue(high > low, "mean predicted f: target 0 " + low + ", target 1.3 " + high);
    }

    @Test
    void theDefaultKeepsEarlierTrialIdsAndAnotherValueIsAnotherTrial() {
        // ids of jobs/lebm-table7.conf's ci trials, computed before y-target existed
        List<String> earlier = TinyLebm.table7CiIds(List.of());
        assertEquals(List.of("650117676cfa5018", "6881a74ccc01919e"), earlier);
        List<String> other = TinyLebm.table7CiIds(List.of("params.y-target=1.2"));
        assertEquals(2, other.size());
        assertNotEquals(earlier.get(0), other.get(0));
        assertNotEquals(earlier.get(1), other.get(1));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

}
