package ebmopt.experiment;

/**
 * A trial whose numbers blew up (NaN or infinite loss, parameters or metrics). Recorded
 * with status {@code diverged}, not retried.
 */
public final class TrialDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrialDivergedException(String message) {
        super(message);
    }
}
