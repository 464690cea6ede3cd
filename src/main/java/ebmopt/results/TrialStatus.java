package ebmopt.results;

import java.util.Locale;

/** How a trial ended. */
public enum TrialStatus {
    /** Ran to the end with finite metrics. */
    DONE,
    /** Threw: a bug or a bad value. Recorded, not retried unless asked. */
    FAILED,
    /** Its numbers blew up (NaN, infinity). Recorded, not retried unless asked. */
    DIVERGED;

    /** The name written in tables: done, failed, diverged. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrialStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
