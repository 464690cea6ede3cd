package ebmopt.run;

import java.io.Serializable;

/**
 * What a trial task sends back to the driver (its rows went to storage already).
 *
 * @param trialId   the identity
 * @param describe  its swept values
 * @param status    done, failed, diverged, retryable or {@link #DROPPED} (another attempt had committed it)
 * @param error     the one-line error of a failed or diverged trial
 * @param wallMs    how long it ran
 */
public record TrialSummary(String trialId, String describe, String status, String error, long wallMs)
        implements Serializable {
    /** The status of an attempt whose trial another attempt had already committed as done. */
    public static final String DROPPED = "dropped";
}
