package ebmopt.run;

/**
 * A sweep run that stopped before its trials had all run: its Spark job failed (a task that
 * failed on every try, usually a failure to commit) or the driver was interrupted. Committed
 * trials are kept and a rerun resumes; the message says what failed, for one line of output.
 */
public final class SweepFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SweepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
