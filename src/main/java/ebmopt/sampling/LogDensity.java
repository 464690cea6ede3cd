package ebmopt.sampling;

/**
 * An unnormalised log-density l(z) over R^d, evaluated on a batch of points (rows). The
 * samplers need only its gradient; a model supplies it through automatic differentiation,
 * a test through a closed form.
 */
@FunctionalInterface
public interface LogDensity {

    /** grad l at each row of {@code points} (Q x d); returns a new Q x d array. */
    double[][] gradient(double[][] points);
}
