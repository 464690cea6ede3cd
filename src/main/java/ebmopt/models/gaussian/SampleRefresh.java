package ebmopt.models.gaussian;

/**
 * When the n samples of q* and q0 are drawn. The paper does not say (ambiguous); drawing
 * fresh samples every iteration reproduces its Table 14 (docs/gaussian.md, "Choices where the
 * paper is ambiguous"), so it is the default.
 */
public enum SampleRefresh {
    /** New samples at every gradient step (stochastic gradient ascent). */
    EVERY_ITERATION,
    /** One sample set per run, reused at every step (a fixed empirical objective). */
    ONCE
}
