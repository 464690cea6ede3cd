package ebmopt.tasks;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One offline optimisation task as a trial sees it: the visible dataset (its split may depend
 * on the trial's seed), the encoding of its designs, an exact oracle, and the constants that
 * normalise reported scores: (y - y_min) / (y_max - y_min) over the task's FULL dataset
 * (docs/methods.md section 1), not the visible part.
 */
public interface Task {

    /** The registry name ({@code tf-bind-8}, ...). */
    String name();

    /** Discrete (L, K) or continuous (d). */
    Encoding encoding();

    /** The visible (training) data. */
    Dataset visible();

    /** The oracle's score of a token sequence; only for discrete tasks. */
    default double score(int[] tokens) {
        throw new UnsupportedOperationException(name() + " has no oracle for token sequences");
    }

    /** The oracle's score of a feature vector; only for continuous tasks with an oracle. */
    default double score(double[] features) {
        throw new UnsupportedOperationException(name() + " has no oracle for feature vectors");
    }

    /** Whether {@link #score} is available (user-supplied tasks may lack an oracle). */
    boolean hasOracle();

    /** What the oracle is, for reports: {@code "exact"}, or e.g. {@code "re-trained random forest"}. */
    default String oracleKind() {
        return "exact";
    }

    /** y_min and y_max of the full dataset: what reported scores are normalised with. */
    MinMax scoreNormalisation();

    /**
     * The box a continuous task's designs live in, {low, high} per feature, where the task
     * has one (Branin: [-5, 10] x [0, 15]); empty for discrete tasks and unbounded ones.
     */
    default java.util.Optional<double[][]> designBox() {
        return java.util.Optional.empty();
    }

    /** The best y of the visible data (raw, not normalised). */
    default double bestVisibleY() {
        return visible().maxY();
    }

    /**
     * The raw objective's known global maximum, where the task has one (Branin: -0.398): trials
     * then also report their designs' raw scores, to be read against it.
     */
    default OptionalDouble knownOptimum() {
        return OptionalDouble.empty();
    }

    /** The SHA-256 of every data file read, by name relative to data.dir (trial provenance). */
    Map<String, String> dataChecksums();
}
