package ebmopt.run;

import ebmopt.experiment.EnvironmentFailure;
import ebmopt.results.TrialStatus;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Tells a trial's failure caused by its environment (missing or corrupt data: an
 * {@link EnvironmentFailure}; I/O) from a
 * model's own failure: the first is {@link TrialStatus#RETRYABLE}, rerun by the sweep's next
 * run once the environment is fixed; the second is {@link TrialStatus#FAILED}, kept unless
 * {@code --retry-failed}.
 */
final class FailureCause {
    private FailureCause() {
    }

    /** The status of a trial that threw {@code error}. */
    static TrialStatus statusOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EnvironmentFailure || t instanceof IOException || t instanceof UncheckedIOException) {
                return TrialStatus.RETRYABLE;
            }
        }
        return TrialStatus.FAILED;
    }
}
