package ebmopt.models.gaussian;

/**
 * The gradient estimators compared in the Gaussian simulation (docs/methods.md sections 2-3).
 */
public enum GaussianObjective {
    /** N2CE with noise magnitude M (Eq. 5); M = 1 is vanilla NCE. */
    N2CE,
    /** The M -> infinity limit: E_q*[f] - E_q0[exp f]. */
    NWJ,
    /** Appendix D.1: E_q*[log r/(1+r)] + M E_q0[log M/(M+r)]. */
    NEG_REWEIGHT,
    /** The exact maximum-likelihood gradient a* - a (no sampling). */
    MLE;

    /** Whether the noise magnitude M enters this estimator. */
    public boolean usesNoiseMagnitude() {
        return this == N2CE || this == NEG_REWEIGHT;
    }
}
