package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * sampler-start: top-designs starts the particles at the best visible designs' posteriors and
 * changes what is proposed; q0, the default, leaves the ids of trials run before the key existed
 * as they were.
 */
class SamplerStartTest {
    private static final long SEED = TinyLebm.SEED;
    private static final Path DATA = TinyLebm.DATA;
    private static final LebmParams PARAMS = TinyLebm.PARAMS;

    @Test
    void topRowsAreTheVisibleRowsOfLargestYBestFirstCycledWhenTooFew() {
        Task task = TaskRegistry.load("branin-50", DATA, SEED);
        double[] y = task.visible().y();
        LatentEbm model = new LatentEbm(PARAMS, task.visible(), task.encoding(), SEED);
        int[] byHand = IntStream.range(0, y.length).boxed()
                .sorted((a, b) -> Double.compare(y[b], y[a])).mapToInt(Integer::intValue).toArray();
        int[] top = model.topRows(y.length + 3);
        assertArrayEquals(Arrays.copyOf(byHand, 5), Arrays.copyOf(top, 5));
        assertEquals(byHand[y.length - 1], top[y.length - 1], "the worst visible row last");
        assertArrayEquals(Arrays.copyOf(byHand, 3),
                Arrays.copyOfRange(top, y.length, y.length + 3), "then the best again");
    }

    @Test
    void topDesignParticlesArePosteriorSamplesOfThoseDesigns() {
        Task task = TaskRegistry.load("branin-50", DATA, SEED);
        LatentEbm model = new LatentEbm(PARAMS, task.visible(), task.encoding(), SEED);
        int rows = task.visible().rows();
        int draws = 200;
        double[][] z = model.topDesignParticles(rows * draws, new SplittableRandom(3));
        assertArrayEquals(z[0], model.topDesignParticles(1, new SplittableRandom(3))[0], 1e-6,
                "the stream decides the draw, the design its place");
        // each design's draws scatter around its own posterior mean: draws of one design are
        // closer to each other than to another design's (an untrained encoder, sigma near 1)
        double within = 0;
        double between = 0;
        for (int d = 0; d < draws - 1; d++) {
            within += distance(z[d * rows], z[(d + 1) * rows]) / (draws - 1);
            between += distance(z[d * rows], z[(d + 1) * rows + rows - 1]) / (draws - 1);
        }
        double[] best = mean(z, 0, rows);
        double[] worst = mean(z, rows - 1, rows);
        assertEquals(true, distance(best, worst) > 0.2, "two designs, two posterior means: " + distance(best, worst));
        assertEquals(true, between > within, "within " + within + ", between " + between);
    }

    private static double[] mean(double[][] z, int first, int stride) {
        double[] out = new double[z[0].length];
        int n = 0;
        for (int i = first; i < z.length; i += stride, n++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += z[i][j];
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= n;
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    @Test
    void theDefaultKeepsEarlierTrialIdsAndAnotherValueIsAnotherTrial() {
        // ids of jobs/lebm-table7.conf's ci trials, computed before sampler-start existed
        List<String> earlier = TinyLebm.table7CiIds(List.of());
        assertEquals(List.of("650117676cfa5018", "6881a74ccc01919e"), earlier);
        List<String> top = TinyLebm.table7CiIds(List.of("params.sampler-start=top-designs"));
        assertEquals(2, top.size());
        assertEquals(true, top.stream().noneMatch(earlier::contains), "top-designs is another trial: " + top);
    }

    @Test
    void theStartChangesTheProposals() {
        Map<String, List<String>> vary = Map.of("sampler-start", List.of("q0", "top-designs"));
        List<LebmResampler.Variant> variants = LebmResampler.variants(PARAMS, vary);
        Task task = TaskRegistry.load("tf-bind-8", DATA, SEED);
        LatentEbm model = TinyLebm.trained(PARAMS, task);
        LebmExperiment.Proposals q0 = LebmExperiment.finalProposals(model, task, variants.get(0).params());
        LebmExperiment.Proposals top = LebmExperiment.finalProposals(model, task, variants.get(1).params());
        assertEquals(SamplerStart.TOP_DESIGNS, variants.get(1).params().samplerStart());
        assertNotEquals(q0.priorTerm(), top.priorTerm());
        // a 12-iteration decoder maps every particle to one sequence: compare the model's g_y instead
        assertNotEquals(Arrays.toString(q0.predicted()), Arrays.toString(top.predicted()));
    }

}
