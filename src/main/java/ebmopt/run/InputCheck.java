package ebmopt.run;

import ebmopt.config.ConfigError;
import ebmopt.experiment.EnvironmentFailure;
import ebmopt.experiment.Experiment;
import ebmopt.sweep.TrialSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * Checks on the driver, while a sweep is planned (so before Spark starts, and in a dry run),
 * what its trials read ({@link Experiment#checkInputs}): an unknown task name or a missing or
 * corrupt data file is a {@link ConfigError} naming the trial, not a failure inside every trial.
 */
final class InputCheck {
    private InputCheck() {
    }

    /** Fails on the first trial of {@code plan} whose inputs are unknown or unusable. */
    static <P extends Record> void check(Experiment<P> experiment, SweepPlan plan, Path dataDir) {
        List<P> params = plan.paramsOf(experiment, plan.trials());
        for (int i = 0; i < params.size(); i++) {
            TrialSpec trial = plan.trials().get(i);
            String where = " (trial " + trial.trialId() + ", " + trial.describe() + ")";
            try {
                experiment.checkInputs(params.get(i), dataDir);
            } catch (IllegalArgumentException unknown) {
                throw new ConfigError(unknown.getMessage() + where, unknown);
            } catch (RuntimeException e) {
                if (!(e instanceof EnvironmentFailure)) {
                    throw e;
                }
                String dir = dataDir.toAbsolutePath().toString();
                throw new ConfigError("The data of a trial" + where + " is not usable: " + e.getMessage()
                        + (e.getMessage().contains(dir) ? "" : " (data.dir = " + dir + ")"), e);
            }
        }
    }
}
