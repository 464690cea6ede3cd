package ebmopt.models.lebm;

/**
 * What the VAE's encoder sees (docs/lebm.md, "Choices where the paper is ambiguous"). The paper's
 * q(z | x, y) lets the code carry y apart from the design, so g_y(z) can read y back without
 * learning how y depends on x; q(z | x) closes that shortcut.
 */
public enum EncoderInput {
    /** q(z | x, y): the design and its score, as the paper describes. */
    X_AND_Y,
    /** q(z | x): the design alone (y enters only through the likelihood p(y | z)). */
    X
}
