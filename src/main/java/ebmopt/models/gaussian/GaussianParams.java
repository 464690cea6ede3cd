package ebmopt.models.gaussian;

import ebmopt.config.RecordBinder;

import java.util.List;

import static ebmopt.config.InvalidParameterException.require;

/**
 * Parameters of the Gaussian location-family simulation (docs/methods.md section 3): estimate a
 * in p_a = N(a, I_d) from samples of q* = N(a*, I_d) against noise q0 = N(0, I_d) by
 * gradient ascent on a ratio-estimation objective.
 *
 * @param objective      the gradient estimator
 * @param noiseMagnitude M, the noise magnitude of N2CE and neg-reweight (M &gt;= 1; M = 1 is
 *                       NCE); must stay 1 for objectives that do not use it
 * @param dim            d, the dimension
 * @param target         a*, the target's mean (d values)
 * @param start          a0, the starting point (d values)
 * @param samples        n, samples of q* and of q0 per gradient estimate
 * @param stepSize       eta, the gradient-ascent step size
 * @param iterations     T, the number of gradient steps
 * @param sampleRefresh  when samples are drawn (ambiguous in the paper)
 * @param curveEvery     record the learning curves every this many steps (0: none)
 */
public record GaussianParams(GaussianObjective objective, double noiseMagnitude, int dim, List<Double> target,
                             List<Double> start, int samples, double stepSize, int iterations,
                             SampleRefresh sampleRefresh, int curveEvery) {
    public GaussianParams {
        require(noiseMagnitude >= 1 && Double.isFinite(noiseMagnitude), "noise-magnitude",
                "must be a finite number >= 1");
        require(objective.usesNoiseMagnitude() || noiseMagnitude == 1, "noise-magnitude",
                "is not used by objective %s; leave it at 1", RecordBinder.enumName(objective));
        require(dim >= 1, "dim", "must be >= 1");
        require(target.size() == dim, "target", "must have dim = %d values, has %d", dim, target.size());
        require(start.size() == dim, "start", "must have dim = %d values, has %d", dim, start.size());
        require(samples >= 1, "samples", "must be >= 1");
        require(stepSize > 0, "step-size", "must be > 0");
        require(iterations >= 1, "iterations", "must be >= 1");
        require(curveEvery >= 0, "curve-every", "must be >= 0");
        target = List.copyOf(target);
        start = List.copyOf(start);
    }
}
