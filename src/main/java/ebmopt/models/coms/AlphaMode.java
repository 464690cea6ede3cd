package ebmopt.models.coms;

/** How COMs' conservatism weight alpha is set. */
public enum AlphaMode {
    /** alpha stays at its configured value (alpha sweeps). */
    FIXED,
    /**
     * alpha starts at its configured value and log alpha is learned by dual ascent (Adam)
     * against the tolerance tau: minimise alpha (tau - (mean f(x-) - mean f(x))), as design-baselines.
     */
    DUAL
}
