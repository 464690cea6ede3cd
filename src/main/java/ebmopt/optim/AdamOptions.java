package ebmopt.optim;

/**
 * Adam's constants and variants: the moments' decay rates, epsilon and where it is added,
 * gradient clipping, and the gradient's weight in each moment's update. The factories name the
 * sets this code uses.
 *
 * @param beta1     the first moment's decay rate
 * @param beta2     the second moment's decay rate
 * @param epsilon   added to the root of the second moment
 * @param placement whether epsilon is added to the bias-corrected root or the raw one
 * @param clipNorm  the global L2 norm a step's gradients are first scaled down to when above it
 *                  (PyTorch's {@code clip_grad_norm_}), or 0 for no clipping (the norm is then
 *                  not computed)
 * @param gradientWeight1 the gradient's weight in the first moment's update, m = beta1 m + w1 g:
 *                  1 - beta1 unless given otherwise (see {@link #withGradientWeights})
 * @param gradientWeight2 the squared gradient's weight in the second moment's, v = beta2 v + w2 g^2
 */
public record AdamOptions(double beta1, double beta2, double epsilon, EpsilonPlacement placement, double clipNorm,
                          double gradientWeight1, double gradientWeight2) {
    public AdamOptions {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam's betas must lie in [0, 1), got " + beta1 + " and " + beta2);
        }
        if (!(gradientWeight1 > 0) || !(gradientWeight2 > 0)) {
            throw new IllegalArgumentException("Adam's gradient weights must be > 0, got " + gradientWeight1 + " and "
                    + gradientWeight2);
        }
        if (!(epsilon > 0) || !(clipNorm >= 0) || placement == null) {
            throw new IllegalArgumentException("Adam needs epsilon > 0, clipNorm >= 0 and a placement, got "
                    + epsilon + ", " + clipNorm + ", " + placement);
        }
    }

    /** Options whose gradient weights are 1 - beta1 and 1 - beta2. */
    public AdamOptions(double beta1, double beta2, double epsilon, EpsilonPlacement placement, double clipNorm) {
        this(beta1, beta2, epsilon, placement, clipNorm, 1 - beta1, 1 - beta2);
    }

    /**
     * These options with the gradient weights written as given: COMs' dual ascent on log alpha
     * writes them as the decimals 0.1 and 0.001, which differ in the last bit from 1 - 0.9 and
     * 1 - 0.999 (and so would its results).
     */
    public AdamOptions withGradientWeights(double weight1, double weight2) {
        return new AdamOptions(beta1, beta2, epsilon, placement, clipNorm, weight1, weight2);
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
