package ebmopt.models.lebm;

/** The sampler of p(z | y = y_max) that proposes designs (docs/methods.md section 4, Appendix D.5). */
public enum LatentSamplerKind {
    /** Stein variational gradient descent with Adam steps. */
    SVGD,
    /** Langevin dynamics with a constant step. */
    LANGEVIN
}
