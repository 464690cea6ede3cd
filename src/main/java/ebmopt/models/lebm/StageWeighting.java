package ebmopt.models.lebm;

/**
 * How the stage losses of multi-stage ratio estimation are weighted (docs/methods.md section 4;
 * docs/lebm.md, "Choices where the paper is ambiguous": the paper's formula, as printed,
 * emphasises the stages near the noise while its text says the opposite).
 */
public enum StageWeighting {
    /** w_k = sqrt(s_K / prod_{i=k..K} s_i), as printed: ~[6.4, 2.0, 1.5, 1.3, 1.2, 1.1, 1.0] for K = 6. */
    PRINTED,
    /** The printed weights in reverse stage order: largest near the target, as the text says. */
    REVERSED,
    /** w_k = 1. */
    UNIFORM
}
