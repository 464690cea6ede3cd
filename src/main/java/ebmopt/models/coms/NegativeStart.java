package ebmopt.models.coms;

/** Where the training chains that make the negatives start. */
public enum NegativeStart {
    /** At the batch (contrastive divergence CD-k, as COMs does). */
    BATCH,
    /** Uniform on [start-low, start-high]^d in the task's coordinates (short-run chains from noise). */
    UNIFORM,
    /** Half the batch's rows at the data, half from uniform noise. */
    MIXED,
    /**
     * Where earlier chains ended (persistent contrastive divergence): a replay buffer of
     * {@code replay-buffer-size} points, first uniform, each drawn point reset to uniform noise
     * with probability {@code replay-reinit} (Du and Mordatch 2019).
     */
    PERSISTENT
}
