package ebmopt.results;

/**
 * Another live driver holds the sweep's lock ({@link SweepLock}); the message, meant for the
 * user, names it (host, pid, start time) and says when its lock would be taken over.
 */
public final class SweepLockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SweepLockedException(String message) {
        super(message);
    }
}
