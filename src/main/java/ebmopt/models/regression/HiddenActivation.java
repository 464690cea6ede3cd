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
