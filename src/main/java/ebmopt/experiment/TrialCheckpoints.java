package ebmopt.experiment;

import java.util.Optional;

/**
 * Where a long trial keeps its state between attempts, so that an interrupted trial (a killed
 * driver or executor, a lost machine) resumes from its last save instead of from the start.
 * The runner clears a trial's state once the trial is committed.
 *
 * <p>A trial that saves must resume exactly: its result must not depend on whether, or when,
 * it was interrupted (so its random draws derive from its seed and its position, not from a
 * generator's history).
 */
public interface TrialCheckpoints {

    /** The state an earlier attempt of this trial saved last, if any. */
    Optional<byte[]> latest();

    /** Whether a save is due ({@code run.checkpoint-interval} since the last save or the start). */
    boolean due();

    /** Saves {@code state} atomically, replacing the previous state (a reader sees one or the other). */
    void save(byte[] state);

    /**
     * Whether the run keeps each trial's trained state after its commit ({@code run.keep-final-state}),
     * so that a trial can save it with {@link #keepFinal} for resampling without retraining.
     */
    default boolean keepsFinal() {
        return false;
    }

    /** Keeps the trial's trained state past its commit; ignored unless {@link #keepsFinal}. */
    default void keepFinal(byte[] state) {
    }

    /** No saving: every attempt starts afresh. */
    static TrialCheckpoints none() {
        return new TrialCheckpoints() {
            @Override
            public Optional<byte[]> latest() {
                return Optional.empty();
            }

            @Override
            public boolean due() {
                return false;
            }

            @Override
            public void save(byte[] state) {
                throw new IllegalStateException("checkpoints are off (run.checkpoint-interval = 0)");
            }
        };
    }
}
