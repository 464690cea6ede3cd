package ebmopt.models.coms;

/** Where the generation chains start. */
public enum GenerationStart {
    /** The Q best visible designs by score (COMs' Eq. 12; design-bench tasks). */
    TOP_Q,
    /** Q points uniform on [start-low, start-high]^d (the spiral: Uniform(-1.5, 2)). */
    UNIFORM
}
