package ebmopt.results;

import java.util.Locale;

/** How a trial ended. */
public enum TrialStatus {
    /** Ran to the end with finite metrics. */
    DONE,
    /** Threw: a bug or a bad value. Recorded, not retried unless asked. */
    FAILED,
    /** Its numbers blew up (NaN, infinity). Recorded, not retried unless asked. */
    DIVERGED,
    /**
     * Failed because of its environment, not its model: missing or corrupt data, or I/O
     * (a {@code TaskDataException} or an {@code IOException} among the causes). Recorded, and
     * run again by the sweep's next run without being asked.
     */
    RETRYABLE;

    /** The name written in tables and status markers: done, failed, diverged, retryable (no '.'). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the sweep's next run runs a trial recorded with this status again without --retry-failed. */
    public boolean rerunsUnasked() {
        return this == RETRYABLE;
    }

    public static TrialStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
