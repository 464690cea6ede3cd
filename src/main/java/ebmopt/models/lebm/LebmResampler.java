package ebmopt.models.lebm;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import ebmopt.config.InvalidParameterException;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.TrialOutcome;
import ebmopt.tasks.ProposalScores;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Samples a trained LEBM again with other sampler settings, without retraining: the state a
 * trial saved (its checkpoint while it trains, or its final state with
 * {@code run.keep-final-state}) goes into a freshly built model, and each variant proposes Q
 * designs exactly as the trial's final sampling does (same random stream), so the variant that
 * changes nothing reproduces the trial's own scores when the state is its final one.
 *
 * <p>Only the sampler's keys and l(z)'s weights may vary ({@link #SAMPLING_KEYS}); every other
 * parameter defines the trained model.
 */
public final class LebmResampler {
    /**
     * Not a parameter: which random stream the sampler draws its start and noise from. 0 is the
     * trial's own final sampling; 1, 2, ... are independent repeats of it, which show how much of
     * a trial's best-of-Q is the sampler's luck rather than the model.
     */
    public static final String DRAW = "draw";

    /** The keys a resample may change: the sampler's parameters and {@link #DRAW}. */
    public static final List<String> SAMPLING_KEYS = List.of("sampler", "sampler-start", "candidates",
            "sampler-steps", "svgd-step-size", "langevin-step-size", "lambda1", "lambda2", "y-target", DRAW);

    private LebmResampler() {
    }

    /**
     * One sampler setting: the overridden keys (empty: the trial's own), the parameters they give
     * and the sampler's random stream ({@link #DRAW}; 0 the trial's own).
     */
    public record Variant(Map<String, String> overrides, LebmParams params, int draw) {
        public Variant {
            overrides = Map.copyOf(overrides);
        }

        /** "lambda1=200 sampler=langevin", in key order; "as trained" for none. */
        public String label() {
            if (overrides.isEmpty()) {
                return "as trained";
            }
            StringBuilder out = new StringBuilder();
            new java.util.TreeMap<>(overrides).forEach((k, v) -> out.append(out.length() == 0 ? "" : " ")
                    .append(k).append('=').append(v));
            return out.toString();
        }
    }

    /**
     * What one variant proposed: normalised score percentiles of its Q designs, the oracle's raw
     * score of the best and the median design (the task's units: Branin's f), the model's own
     * predictions (normalised) and their rank correlation with the oracle's scores (NaN when
     * either is constant), the two parts of l(z) and the learned log-ratio sum_k f_k(z) at the
     * particles, the number of distinct designs and the sampling time.
     */
    public record Result(Variant variant, int trainedIterations, double p100, double p75, double p50, double p25,
                         double rawBest, double rawMedian, double predictedP100, double predictedP50,
                         double predictedRankCorr, double fitTerm, double priorTerm,
                         double logRatio, int distinctDesigns, double seconds) {
    }

    /**
     * The cartesian product of {@code vary} (key to values, in order) applied to the trained
     * trial's parameters; just the trial's own setting when {@code vary} is empty.
     *
     * @throws InvalidParameterException naming a key that is not a sampling key, or a bad value
     */
    public static List<Variant> variants(LebmParams trained, Map<String, List<String>> vary) {
        for (String key : vary.keySet()) {
            if (!SAMPLING_KEYS.contains(key)) {
                throw new InvalidParameterException(key, key + " cannot be varied by a resample (it defines the "
                        + "trained model); the sampling keys are " + SAMPLING_KEYS);
            }
            if (vary.get(key).isEmpty()) {
                throw new InvalidParameterException(key, key + " has no values to try");
            }
        }
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : vary.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combo : combos) {
                for (String value : axis.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(combo);
                    extended.put(axis.getKey(), value);
                    next.add(extended);
                }
            }
            combos = next;
        }
        List<Variant> out = new ArrayList<>();
        for (Map<String, String> combo : combos) {
            Map<String, String> params = new LinkedHashMap<>(combo);
            String draw = params.remove(DRAW);
            out.add(new Variant(combo, apply(trained, params), draw == null ? 0 : draw(draw)));
        }
        return out;
    }

    private static int draw(String value) {
        try {
            int draw = Integer.parseInt(value.trim());
            if (draw >= 0) {
                return draw;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidParameterException(DRAW, DRAW + " = '" + value + "': must be a whole number >= 0 "
                + "(0 is the trial's own sampling, 1, 2, ... independent repeats)");
    }

    /**
     * Restores {@code state} into a model built from {@code trained} (the trial's parameters and
     * seed) and proposes with each variant, passing each result to {@code onEach} as it comes
     * (a paper-scale variant samples for a minute or more).
     *
     * @throws IllegalArgumentException when the state is not this model's (another trial's, a damaged file)
     */
    public static List<Result> resample(LebmParams trained, long seed, byte[] state, Path dataDir,
                                        List<Variant> variants, Consumer<Result> onEach) {
        Task task = TaskRegistry.load(trained.task(), dataDir, seed);
        LatentEbm model = new LatentEbm(trained, task.visible(), task.encoding(), seed);
        int iterations = model.restore(state).iterations();
        List<Result> out = new ArrayList<>();
        for (Variant v : variants) {
            long t0 = System.nanoTime();
            LebmExperiment.Proposals proposals = LebmExperiment.finalProposals(model, task, v.params(), v.draw());
            double seconds = (System.nanoTime() - t0) / 1e9;
            ProposalScores s = proposals.scores();
            TrialOutcome predicted = new TrialOutcome();
            LebmExperiment.recordPredicted(predicted, task, proposals);
            Map<String, Double> m = predicted.metrics();
            out.add(new Result(v, iterations, s.percentile(100), s.percentile(75), s.percentile(50),
                    s.percentile(25), s.rawPercentile(100), s.rawPercentile(50), m.get("predicted_p100"),
                    m.get("predicted_p50"), m.getOrDefault("predicted_rank_corr", Double.NaN), proposals.fitTerm(),
                    proposals.priorTerm(), proposals.logRatio(), new HashSet<>(s.designs()).size(), seconds));
            onEach.accept(out.get(out.size() - 1));
        }
        return out;
    }

    private static LebmParams apply(LebmParams trained, Map<String, String> overrides) {
        Config params = ConfigFactory.parseMap(RecordBinder.toMap(trained));
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            // parsed as HOCON, so "200" is a number and "langevin" a string, as in a job file
            Config typed;
            try {
                typed = ConfigFactory.parseString("v = " + o.getValue());
            } catch (ConfigException e) {
                throw new InvalidParameterException(o.getKey(), o.getKey() + " = '" + o.getValue()
                        + "' does not parse: " + e.getMessage());
            }
            params = params.withValue(o.getKey(), typed.hasPath("v") ? typed.getValue("v")
                    : ConfigValueFactory.fromAnyRef(o.getValue()));
        }
        return RecordBinder.bind(params, "params", LebmParams.class);
    }
}
