package ebmopt.run;

import ebmopt.results.ResultLayout;
import ebmopt.results.TrialStatus;

import java.util.List;

/**
 * What one run of a sweep did.
 *
 * @param layout       where its results are
 * @param total        trials in the sweep
 * @param alreadyDone  trials skipped because a previous run committed them as done
 * @param keptFailed   trials skipped because a previous run recorded them failed or diverged
 * @param ran          summaries of the trials this run executed
 * @param wallSeconds  the run's wall time
 */
public record SweepReport(ResultLayout layout, int total, int alreadyDone, int keptFailed, List<TrialSummary> ran,
                          double wallSeconds) {

    public long count(String status) {
        return ran.stream().filter(s -> s.status().equals(status)).count();
    }

    /** The trials this run recorded as failed, diverged or retryable, in the order they came back. */
    public List<TrialSummary> unsuccessful() {
        return ran.stream().filter(s -> !s.status().equals(TrialStatus.DONE.label())
                && !s.status().equals(TrialSummary.DROPPED)).toList();
    }

    /**
     * Whether the sweep is complete: no trial of this run failed, diverged or was retryable,
     * and none is kept failed or diverged from an earlier run. {@code sweep} exits 4 otherwise.
     */
    public boolean complete() {
        return keptFailed == 0 && unsuccessful().isEmpty();
    }
}
