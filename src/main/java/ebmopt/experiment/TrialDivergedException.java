package ebmopt.experiment;

import java.util.Optional;

/**
 * A trial whose numbers blew up (NaN or infinite loss, parameters or metrics). Recorded
 * with status {@code diverged}, not retried. It may carry what the trial had recorded up to
 * then (its learning curves above all: how a long run went before it blew up is what a user
 * needs to see), which is committed with the diverged trial.
 */
public final class TrialDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Transient: the exception is caught in the task that threw it and never shipped. */
    private final transient TrialOutcome recorded;

    public TrialDivergedException(String message) {
        this(message, null);
    }

    /** {@code recorded}: the metrics, curves and candidates the trial had when it diverged. */
    public TrialDivergedException(String message, TrialOutcome recorded) {
        super(message);
        this.recorded = recorded;
    }

    /** What the trial had recorded when it diverged, if it said. */
    public Optional<TrialOutcome> recorded() {
        return Optional.ofNullable(recorded);
    }
}
