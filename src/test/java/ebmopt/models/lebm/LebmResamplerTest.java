package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.InvalidParameterException;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.TrialCheckpoints;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialOutcome;
import ebmopt.oracle.RankCorrelation;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A trained trial's kept state, sampled again: with the trial's own settings it reproduces the
 * trial's final scores exactly; other settings change them; only sampling keys may vary. And the
 * two reported parts of l(z) are the function whose gradient the samplers follow.
 */
class LebmResamplerTest {
    private static final long SEED = TinyLebm.SEED;
    private static final Path DATA = TinyLebm.DATA;
    private static final LebmParams PARAMS = TinyLebm.PARAMS;

    @Test
    void theTrialsOwnSettingsReproduceItsScoresAndOthersChangeThem() {
        KeepingCheckpoints store = new KeepingCheckpoints();
        TrialOutcome trial = new LebmExperiment().run(PARAMS, new Context(store));
        assertEquals(1, store.kept.size(), "the final state is kept once, after training");

        Map<String, List<String>> vary = new LinkedHashMap<>();
        vary.put("lambda1", List.of("20", "0"));
        vary.put("candidates", List.of("16", "8"));
        List<LebmResampler.Variant> variants = LebmResampler.variants(PARAMS, vary);
        assertEquals(4, variants.size());
        List<LebmResampler.Result> seen = new ArrayList<>();
        List<LebmResampler.Result> results = LebmResampler.resample(PARAMS, SEED, store.kept.get(0), DATA, variants,
                seen::add);
        assertEquals(results, seen, "each result is passed on as it comes");

        LebmResampler.Result asTrained = results.get(0);
        assertEquals("candidates=16 lambda1=20", asTrained.variant().label());
        assertEquals(PARAMS.iterations(), asTrained.trainedIterations());
        Map<String, Double> m = trial.metrics();
        assertEquals(m.get("score_p100"), asTrained.p100());
        assertEquals(m.get("score_p75"), asTrained.p75());
        assertEquals(m.get("score_p50"), asTrained.p50());
        assertEquals(m.get("score_p25"), asTrained.p25());
        assertEquals(m.get("predicted_p50"), asTrained.predictedP50());
        assertEquals(m.get("sampler_fit_term"), asTrained.fitTerm());
        assertEquals(m.get("sampler_prior_term"), asTrained.priorTerm());
        assertTrue(asTrained.fitTerm() < 0, "the fit term is minus a weighted square: " + asTrained.fitTerm());

        LebmResampler.Result fewer = results.get(1);
        assertTrue(fewer.distinctDesigns() <= 8 && asTrained.distinctDesigns() <= 16);
        LebmResampler.Result priorOnly = results.get(2);
        assertEquals(0.0, priorOnly.fitTerm(), "lambda1 = 0 leaves only the prior");
        assertNotEquals(asTrained.priorTerm(), priorOnly.priorTerm(), "other particles");
    }

    @Test
    void onBraninTheTrialsOwnSettingsReproduceItsRawBestMedianAndRankCorrelation() {
        LebmParams branin = RecordBinder.bind(ConfigFactory.parseString("task = branin-50").withFallback(
                ConfigFactory.parseMap(RecordBinder.toMap(PARAMS))), "params", LebmParams.class);
        KeepingCheckpoints store = new KeepingCheckpoints();
        Map<String, Double> m = new LebmExperiment().run(branin, new Context(store)).metrics();
        LebmResampler.Result asTrained = LebmResampler.resample(branin, SEED, store.kept.get(0), DATA,
                LebmResampler.variants(branin, Map.of()), r -> { }).get(0);
        assertEquals(m.get("raw_best"), asTrained.rawBest());
        assertEquals(m.get("raw_median"), asTrained.rawMedian());
        assertTrue(asTrained.rawBest() > asTrained.rawMedian(), "f is maximised: " + asTrained);
        assertEquals(m.get("predicted_rank_corr"), asTrained.predictedRankCorr());
        // g_y at the particles against f of the designs they decode to
        LebmExperiment.Proposals p = LebmExperiment.finalProposals(restored(branin, store.kept.get(0)),
                TaskRegistry.load("branin-50", DATA, SEED), branin);
        assertEquals(RankCorrelation.spearman(p.predicted(), p.scores().raw()), asTrained.predictedRankCorr(), 1e-12);
        assertTrue(Double.isFinite(asTrained.predictedRankCorr()));
    }

    private static LatentEbm restored(LebmParams p, byte[] state) {
        Task task = TaskRegistry.load(p.task(), DATA, SEED);
        LatentEbm model = new LatentEbm(p, task.visible(), task.encoding(), SEED);
        model.restore(state);
        return model;
    }

    @Test
    void aDrawIsAnIndependentRepeatOfTheFinalSamplingAndZeroIsTheTrialsOwn() {
        KeepingCheckpoints store = new KeepingCheckpoints();
        Map<String, Double> m = new LebmExperiment().run(PARAMS, new Context(store)).metrics();
        List<LebmResampler.Variant> variants = LebmResampler.variants(PARAMS,
                Map.of("draw", List.of("0", "1", "1", "2")));
        assertEquals(List.of(0, 1, 1, 2), variants.stream().map(LebmResampler.Variant::draw).toList());
        assertEquals(PARAMS, variants.get(1).params(), "a draw is not a parameter");
        assertEquals("draw=1", variants.get(1).label());
        List<LebmResampler.Result> r = LebmResampler.resample(PARAMS, SEED, store.kept.get(0), DATA, variants,
                x -> { });
        assertEquals(m.get("score_p100"), r.get(0).p100(), "draw 0 is the trial's own sampling");
        assertEquals(m.get("sampler_prior_term"), r.get(0).priorTerm());
        assertEquals(r.get(1).priorTerm(), r.get(2).priorTerm(), "a draw is reproducible");
        assertEquals(r.get(1).p50(), r.get(2).p50());
        assertNotEquals(r.get(0).priorTerm(), r.get(1).priorTerm(), "another draw, other particles");
        assertNotEquals(r.get(1).priorTerm(), r.get(3).priorTerm());
        for (String bad : List.of("-1", "1.5", "first")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> LebmResampler.variants(PARAMS, Map.of("draw", List.of(bad))));
            assertEquals("draw", e.key());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void onlySamplingKeysVaryAndABadValueIsNamed() {
        InvalidParameterException model = assertThrows(InvalidParameterException.class,
                () -> LebmResampler.variants(PARAMS, Map.of("noise-magnitude", List.of("1", "10"))));
        assertEquals("noise-magnitude", model.key());
        assertTrue(model.getMessage().contains("lambda1"), "names the keys that may vary: " + model.getMessage());
        assertThrows(RuntimeException.class, () -> LebmResampler.variants(PARAMS, Map.of("lambda1", List.of("-1"))),
                "a value the parameters reject");
        assertEquals(List.of(Map.of()), LebmResampler.variants(PARAMS, Map.of()).stream()
                .map(LebmResampler.Variant::overrides).toList(), "no axes: the trial's own setting");
    }

    @Test
    void aStateOfAnotherModelIsRefused() {
        KeepingCheckpoints store = new KeepingCheckpoints();
        new LebmExperiment().run(PARAMS, new Context(store));
        LebmParams wider = RecordBinder.bind(ConfigFactory.parseString("ratio-hidden = 32").withFallback(
                ConfigFactory.parseMap(RecordBinder.toMap(PARAMS))), "params", LebmParams.class);
        assertThrows(IllegalArgumentException.class, () -> LebmResampler.resample(wider, SEED, store.kept.get(0),
                DATA, LebmResampler.variants(wider, Map.of()), r -> { }));
    }

    /** For one point l(z) = fit + prior, so their finite differences are the samplers' gradient. */
    @Test
    void theReportedTermsAreTheObjectiveWhoseGradientTheSamplersFollow() {
        Task task = TaskRegistry.load("tf-bind-8", DATA, SEED);
        LatentEbm model = new LatentEbm(PARAMS, task.visible(), task.encoding(), SEED);
        for (int it = 1; it <= 3; it++) {
            model.step(it);  // a prior that is not flat
        }
        LatentObjective l = model.proposalObjective(1, 20, 1);
        double[][] z = model.initialParticles(3, new SplittableRandom(11));
        double[][] grad = l.gradient(z);
        // the learned log-ratio is the prior term (lambda2 = 1) plus the mean of |z|^2 / 2
        double halfNorm = 0;
        for (double[] row : z) {
            for (double v : row) {
                halfNorm += v * v / 2 / z.length;
            }
        }
        double[] terms = l.meanTerms(z);
        assertEquals(terms[1] + halfNorm, terms[2], 1e-4 * Math.max(1, Math.abs(terms[2])));
        // small steps: LeakyReLU's kinks make wider differences straddle them (0.024 off at 1e-2)
        double h = 1e-3;
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                double[][] plus = {z[i].clone()};
                double[][] minus = {z[i].clone()};
                plus[0][j] += h;
                minus[0][j] -= h;
                double fd = (sum(l.meanTerms(plus)) - sum(l.meanTerms(minus))) / (2 * h);
                assertEquals(fd, grad[i][j], 1e-2 * Math.max(1, Math.abs(fd)), "d l / d z[" + i + "][" + j + "]");
            }
        }
    }

    private static double sum(double[] terms) {
        return terms[0] + terms[1];
    }

    /** No checkpoints while training; keeps the final state. */
    private static final class KeepingCheckpoints implements TrialCheckpoints {
        private final List<byte[]> kept = new ArrayList<>();

        @Override
        public Optional<byte[]> latest() {
            return Optional.empty();
        }

        @Override
        public boolean due() {
            return false;
        }

        @Override
        public void save(byte[] state) {
            throw new AssertionError("not due");
        }

        @Override
        public boolean keepsFinal() {
            return true;
        }

        @Override
        public void keepFinal(byte[] state) {
            kept.add(state.clone());
        }
    }

    private record Context(TrialCheckpoints checkpoints) implements TrialContext {
        @Override
        public String trialId() {
            return "resample-test";
        }

        @Override
        public long seed() {
            return SEED;
        }

        @Override
        public int replicate() {
            return 0;
        }

        @Override
        public Path dataDir() {
            return DATA;
        }

        @Override
        public void progress(long step, long totalSteps) {
        }
    }
}
