package ebmopt.sweep;

import java.io.Serializable;
import java.util.Map;

/**
 * One trial of a sweep, as shipped to an executor.
 *
 * @param trialId      a hash of the canonical configuration below (see {@link TrialIdentity})
 * @param experiment   the experiment's name
 * @param replicate    the replicate index
 * @param seed         the seed: explicit (a {@code seed} axis) or derived from the identity
 * @param paramsJson   the canonical JSON of the experiment's resolved parameters
 * @param axes         the swept values of this trial, as shown in logs and progress
 * @param cost         the experiment's relative cost estimate
 */
public record TrialSpec(String trialId, String experiment, int replicate, long seed, String paramsJson,
                        Map<String, String> axes, double cost) implements Serializable {
    public TrialSpec {
        axes = Map.copyOf(axes);
    }

    /** "objective=n2ce noise-magnitude=100 replicate=3", in key order. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(axes).forEach((k, v) -> out.append(out.length() == 0 ? "" : " ")
                .append(k).append('=').append(v));
        return out.toString();
    }
}
