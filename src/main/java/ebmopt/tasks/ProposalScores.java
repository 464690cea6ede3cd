package ebmopt.tasks;

import ebmopt.experiment.TrialOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The oracle's verdict on a trial's Q proposed designs (docs/methods.md section 1): raw scores, and
 * the 25th, 50th, 75th and 100th percentiles that every design-bench table reports on two
 * scales, both measured from the full dataset's y_min:
 * <ul>
 *   <li>full-data: (y - y_min) / (y_max - y_min) with the full dataset's y_max (Design-Bench's
 *       convention; metrics {@code score_p<q>});</li>
 *   <li>visible-data: (y - y_min) / (y_best_visible - y_min), 1 = the best design the model saw
 *       (metrics {@code visible_score_p<q>}; TF-Bind-8, y_min = 0: y / 0.4393).</li>
 * </ul>
 * Tasks whose raw objective has a known optimum ({@link Task#knownOptimum}: Branin) also report
 * the raw score of the best and of the median design.
 *
 * @param designs    the designs as text (tokens or features joined by commas)
 * @param raw        the oracle's scores
 * @param normalised the scores on the full-data scale
 * @param visible    the scores on the visible-data scale
 * @param reportsRaw whether {@link #recordTo} adds the raw best and median
 */
public record ProposalScores(List<String> designs, double[] raw, double[] normalised, double[] visible,
                             boolean reportsRaw) {

    /** The percentiles recorded as metrics {@code score_p<q>} and {@code visible_score_p<q>}. */
    public static final int[] PERCENTILES = {100, 75, 50, 25};

    /** Scores token-sequence designs with {@code task}'s oracle. */
    public static ProposalScores ofTokens(Task task, List<int[]> designs) {
        double[] raw = designs.stream().mapToDouble(task::score).toArray();
        return of(task, designs.stream().map(ProposalScores::join).collect(Collectors.toList()), raw);
    }

    /** Scores feature-vector designs with {@code task}'s oracle. */
    public static ProposalScores ofFeatures(Task task, List<double[]> designs) {
        double[] raw = designs.stream().mapToDouble(task::score).toArray();
        return of(task, designs.stream().map(ProposalScores::join).collect(Collectors.toList()), raw);
    }

    private static ProposalScores of(Task task, List<String> text, double[] raw) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("no designs to score");
        }
        MinMax full = task.scoreNormalisation();
        MinMax visibleScale = new MinMax(full.min(), task.bestVisibleY());
        return new ProposalScores(List.copyOf(text), raw, full.normalise(raw), visibleScale.normalise(raw),
                task.knownOptimum().isPresent());
    }

    /** The {@code q}-th percentile (0..100) of the scores on the full-data scale. */
    public double percentile(double q) {
        return Percentile.of(normalised, q);
    }

    /** The {@code q}-th percentile (0..100) of the scores on the visible-data scale. */
    public double visiblePercentile(double q) {
        return Percentile.of(visible, q);
    }

    /** The {@code q}-th percentile (0..100) of the oracle's raw scores (the task's own units: Branin's f). */
    public double rawPercentile(double q) {
        return Percentile.of(raw, q);
    }

    /**
     * Adds metrics {@code <prefix>score_p100 .. p25} (full-data scale) and
     * {@code <prefix>visible_score_p100 .. p25} (visible-data scale); where the task has a known
     * optimum, {@code <prefix>raw_best} and {@code <prefix>raw_median}, the oracle's raw score of
     * the best and the median design; and when {@code withCandidates}, every candidate.
     */
    public void recordTo(TrialOutcome outcome, String prefix, boolean withCandidates) {
        for (int q : PERCENTILES) {
            outcome.metric(prefix + "score_p" + q, percentile(q));
        }
        for (int q : PERCENTILES) {
            outcome.metric(prefix + "visible_score_p" + q, visiblePercentile(q));
        }
        if (reportsRaw) {
            outcome.metric(prefix + "raw_best", rawPercentile(100)).metric(prefix + "raw_median", rawPercentile(50));
        }
        if (withCandidates) {
            for (int i = 0; i < raw.length; i++) {
                outcome.candidate(designs.get(i), raw[i], normalised[i]);
            }
        }
    }

    /**
     * Adds learning-curve points {@code score_p100} and {@code score_p50} at {@code step}, and where
     * the task has a known optimum {@code raw_best} and {@code raw_median}.
     */
    public void recordCurve(TrialOutcome outcome, long step) {
        outcome.curve("score_p100", step, percentile(100));
        outcome.curve("score_p50", step, percentile(50));
        if (reportsRaw) {
            outcome.curve("raw_best", step, rawPercentile(100));
            outcome.curve("raw_median", step, rawPercentile(50));
        }
    }

    static String join(int[] tokens) {
        return Arrays.stream(tokens).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    static String join(double[] features) {
        return Arrays.stream(features).mapToObj(v -> Float.toString((float) v)).collect(Collectors.joining(","));
    }
}
