package ebmopt.optim;

/** Where Adam adds its epsilon to the root of the second moment. */
public enum EpsilonPlacement {
    /**
     * lr * m_hat / (sqrt(v_hat) + eps), with m_hat = m / (1 - beta1^t) and v_hat = v / (1 - beta2^t):
     * Kingma and Ba's algorithm, as Keras implements it.
     */
    BIAS_CORRECTED,
    /**
     * alpha_t * m / (sqrt(v) + eps), with alpha_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t): the bias
     * corrections folded into the step size and eps added to the uncorrected root, as PyTorch
     * implements it (early steps differ from {@link #BIAS_CORRECTED} wherever v is small).
     */
    RAW
}
