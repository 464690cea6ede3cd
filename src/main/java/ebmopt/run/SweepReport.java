package ebmopt.run;

import ebmopt.results.ResultLayout;

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
}
