package ebmopt.models.lebm;

/**
 * Where the proposal sampler's Q particles start (the paper does not say; docs/lebm.md,
 * "Choices where the paper is ambiguous").
 */
public enum SamplerStart {
    /** Draws from the base noise q0 = N(0, I). */
    Q0,
    /**
     * The encoder's posterior samples z ~ q(z | x, y) of the Q best visible designs by y (cycled
     * when the visible data have fewer than Q), as COMs starts its ascent from the top-Q designs.
     */
    TOP_DESIGNS
}
