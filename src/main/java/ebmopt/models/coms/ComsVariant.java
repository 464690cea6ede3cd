package ebmopt.models.coms;

/** Which conservative objective model (docs/methods.md section 5). */
public enum ComsVariant {
    /**
     * COMs (Trabucco et al. 2021, Eq. 11): MSE + alpha (mean f(x-) - mean f(x)), negatives x- by
     * gradient ascent from the batch; proposals by gradient ascent. alpha = 0 is the
     * gradient-ascent baseline.
     */
    ORIGINAL,
    /** Stochastic COMs (COMs-as-EBM Eq. 15): Langevin negatives (CD-k) and Langevin generation. */
    STOCHASTIC,
    /**
     * Decoupled COMs (COMs-as-EBM Eq. 16-18): an energy model p_theta trained by contrastive
     * divergence and a separate MSE regressor f_omega; generation samples p_theta(x) exp(w f_omega(x)).
     */
    DECOUPLED
}
