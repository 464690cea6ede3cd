package ebmopt.models.regression;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** The activation of a regressor's hidden layers (the output layer is linear). */
public enum HiddenActivation {
    RELU,
    /** max(x, 0.3 x): Keras' default slope, as design-baselines' COMs forward models use it. */
    LEAKY_RELU,
    TANH,
    ELU,
    SWISH;

    /** The slope of {@link #LEAKY_RELU} for negative inputs. */
    public static final double LEAKY_RELU_SLOPE = 0.3;

    /** The activation at one pre-activation {@code a}, in double precision. */
    public double apply(double a) {
        return switch (this) {
            case RELU -> a > 0 ? a : 0;
            case LEAKY_RELU -> a > 0 ? a : LEAKY_RELU_SLOPE * a;
            case TANH -> Math.tanh(a);
            case ELU -> a > 0 ? a : Math.expm1(a);
            case SWISH -> a * sigmoid(a);
        };
    }

    /** The activation's derivative at {@code a} (at a kink, the left one's). */
    public double slope(double a) {
        return switch (this) {
            case RELU -> a > 0 ? 1 : 0;
            case LEAKY_RELU -> a > 0 ? 1 : LEAKY_RELU_SLOPE;
            case TANH -> 1 - Math.tanh(a) * Math.tanh(a);
            case ELU -> a > 0 ? 1 : Math.exp(a);
            case SWISH -> sigmoid(a) * (1 + a * (1 - sigmoid(a)));
        };
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** Deeplearning4j's implementation, for its networks (and the hand-written one's tanh, leaky ReLU, ELU). */
    IActivation function() {
        return switch (this) {
            case RELU -> new ActivationReLU();
            case LEAKY_RELU -> new ActivationLReLU(LEAKY_RELU_SLOPE);
            case TANH -> new ActivationTanH();
            case ELU -> new ActivationELU();
            case SWISH -> new ActivationSwish();
        };
    }
}
