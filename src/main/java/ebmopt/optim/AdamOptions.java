package ebmopt.optim;

/**
 * Adam's constants and variants: the moments' decay rates, epsilon and where it is added, and
 * gradient clipping. The factories name the three sets this code uses.
 *
 * @param beta1     the first moment's decay rate
 * @param beta2     the second moment's decay rate
 * @param epsilon   added to the root of the second moment
 * @param placement whether epsilon is added to the bias-corrected root or the raw one
 * @param clipNorm  the global L2 norm a step's gradients are first scaled down to when above it
 *                  (PyTorch's {@code clip_grad_norm_}), or 0 for no clipping (the norm is then
 *                  not computed)
 */
public record AdamOptions(double beta1, double beta2, double epsilon, EpsilonPlacement placement, double clipNorm) {
    public AdamOptions {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's betas must lie in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(epsilon > 0) || !(clipNorm >= 0) || placement == null) {
            throw new IllegalArgumentException("Adam needs epsilon > 0, clipNorm >= 0 and a placement, got "
                    + epsilon + ", " + clipNorm + ", " + placement);
        }
    }

    /** Kingma and Ba's defaults: betas 0.9 and 0.999, epsilon 1e-8 on the bias-corrected root, no clipping. */
    public static AdamOptions kingmaBa() {
        return new AdamOptions(0.9, 0.999, 1e-8, EpsilonPlacement.BIAS_CORRECTED, 0);
    }

    /** Keras' defaults (design-baselines' networks): as {@link #kingmaBa()} but epsilon 1e-7. */
    public static AdamOptions keras() {
        return new AdamOptions(0.9, 0.999, 1e-7, EpsilonPlacement.BIAS_CORRECTED, 0);
    }

    /** PyTorch's Adam (epsilon 1e-8 on the raw root) with these betas, after clipping to {@code clipNorm}. */
    public static AdamOptions pytorch(double beta1, double beta2, double clipNorm) {
        return new AdamOptions(beta1, beta2, 1e-8, EpsilonPlacement.RAW, clipNorm);
    }

    /** Whether gradients are clipped. */
    public boolean clips() {
        return clipNorm > 0;
    }
}
