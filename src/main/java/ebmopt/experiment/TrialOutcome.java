package ebmopt.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a trial produced: scalar metrics, learning curves, the backend it computed on and
 * checksums of the data it read. Filled in by the experiment, written by the runner.
 */
public final class TrialOutcome {
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final List<CurvePoint> curves = new ArrayList<>();
    private final Map<String, String> dataChecksums = new TreeMap<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private String backend = "jvm";

    /** Records a scalar metric; a later value of the same name replaces it. */
    public TrialOutcome metric(String name, double value) {
        metrics.put(name, value);
        return this;
    }

    /** Records one point of a learning curve. */
    public TrialOutcome curve(String metric, long step, double value) {
        curves.add(new CurvePoint(metric, step, value));
        return this;
    }

    /**
     * Records one proposed design and its oracle score; they land in the {@code candidates}
     * table, one row per candidate, in the order recorded.
     *
     * @param design     the design as text (tokens or features joined by commas)
     * @param score      the oracle's raw score
     * @param normalised the score normalised with the task's full-data range
     */
    public TrialOutcome candidate(String design, double score, double normalised) {
        candidates.add(new Candidate(candidates.size(), design, score, normalised));
        return this;
    }

    /** Records the SHA-256 of a data file the trial read. */
    public TrialOutcome dataChecksum(String file, String sha256) {
        dataChecksums.put(file, sha256);
        return this;
    }

    /** Names what computed the trial (e.g. "jvm", "nd4j-native cpu", "nd4j-cuda gpu 0"). */
    public TrialOutcome backend(String name) {
        this.backend = name;
        return this;
    }

    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    public List<CurvePoint> curves() {
        return Collections.unmodifiableList(curves);
    }

    public List<Candidate> candidates() {
        return Collections.unmodifiableList(candidates);
    }

    public Map<String, String> dataChecksums() {
        return Collections.unmodifiableMap(dataChecksums);
    }

    public String backend() {
        return backend;
    }

    /** The first non-finite metric's name, or null if all are finite. */
    public String firstNonFiniteMetric() {
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * One point of a learning curve.
     *
     * @param metric the curve's name
     * @param step   the iteration the value belongs to
     * @param value  the value
     */
    public record CurvePoint(String metric, long step, double value) implements java.io.Serializable {
    }

    /**
     * One proposed design.
     *
     * @param index      its position among the trial's candidates
     * @param design     tokens or features joined by commas
     * @param score      the oracle's raw score
     * @param normalised the score normalised with the task's full-data range
     */
    public record Candidate(int index, String design, double score, double normalised) implements java.io.Serializable {
    }
}
