package ebmopt.tasks;

import ebmopt.experiment.TrialOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The oracle's verdict on a trial's Q proposed designs (docs/methods.md section 1): raw and
 * normalised scores, and the normalised 25th, 50th, 75th and 100th percentiles that every
 * design-bench table reports.
 *
 * @param designs    the designs as text (tokens or features joined by commas)
 * @param raw        the oracle's scores
 * @param normalised the scores normalised with the task's full-data range
 */
public record ProposalScores(List<String> designs, double[] raw, double[] normalised) {

    /** The percentiles recorded as metrics {@code score_p<q>}. */
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
        return new ProposalScores(List.copyOf(text), raw, task.scoreNormalisation().normalise(raw));
    }

    /** The {@code q}-th percentile (0..100) of the normalised scores. */
    public double percentile(double q) {
        return Percentile.of(normalised, q);
    }

    /** Adds metrics {@code <prefix>score_p100 .. p25} and, when {@code withCandidates}, every candidate. */
    public void recordTo(TrialOutcome outcome, String prefix, boolean withCandidates) {
        for (int q : PERCENTILES) {
            outcome.metric(prefix + "score_p" + q, percentile(q));
        }
        if (withCandidates) {
            for (int i = 0; i < raw.length; i++) {
                outcome.candidate(designs.get(i), raw[i], normalised[i]);
            }
        }
    }

    /** Adds learning-curve points {@code score_p100} and {@code score_p50} at {@code step}. */
    public void recordCurve(TrialOutcome outcome, long step) {
        outcome.curve("score_p100", step, percentile(100));
        outcome.curve("score_p50", step, percentile(50));
    }

    static String join(int[] tokens) {
        return Arrays.stream(tokens).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    static String join(double[] features) {
        return Arrays.stream(features).mapToObj(v -> Float.toString((float) v)).collect(Collectors.joining(","));
    }
}
