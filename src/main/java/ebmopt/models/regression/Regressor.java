package ebmopt.models.regression;

import java.io.Serializable;

/**
 * A trained scalar model f(x) over real vectors, differentiable in its input: the forward
 * model of gradient ascent, COMs' f and decoupled COMs' f_omega as samplers see them
 * (predictions and input gradients), whatever trained it (locally or data-parallel on the
 * cluster).
 */
public interface Regressor extends Serializable {

    /** The input dimension d. */
    int inputDim();

    /** f(x) for each row of {@code x} (rows x d). */
    double[] predict(double[][] x);

    /** d f(x) / d x for each row of {@code x} (rows x d). */
    double[][] inputGradient(double[][] x);
}
