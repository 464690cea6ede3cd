package ebmopt.sampling;

import static ebmopt.config.InvalidParameterException.require;

/**
 * A step size per iteration: constant, or geometric from {@code first} at step 0 to
 * {@code last} at the final step (the COMs-as-EBM paper's 0.02 -> 0.001 and 0.1 -> 1e-5).
 *
 * @param first the step size at the first iteration
 * @param last  the step size at the last iteration (equal to first: constant)
 */
public record StepSchedule(double first, double last) {
    public StepSchedule {
        require(first > 0 && Double.isFinite(first), "step-size", "must be a positive number, got %s", first);
        require(last > 0 && Double.isFinite(last), "final-step-size", "must be a positive number, got %s", last);
    }

    public static StepSchedule constant(double step) {
        return new StepSchedule(step, step);
    }

    /** The step size at iteration {@code t} of {@code total}. */
    public double at(int t, int total) {
        if (total <= 1 || first == last) {
            return first;
        }
        return first * Math.pow(last / first, (double) t / (total - 1));
    }
}
