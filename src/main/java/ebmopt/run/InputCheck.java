package ebmopt.run;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.ConfigError;
import ebmopt.config.RecordBinder;
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

    /** Fails on the first trial whose inputs are unknown or unusable. */
    static void check(Experiment<?> experiment, List<TrialSpec> trials, Path dataDir) {
        for (TrialSpec trial : trials) {
            String where = " (trial " + trial.trialId() + ", " + trial.describe() + ")";
            try {
                checkTyped(experiment, trial, dataDir);
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

    private static <P extends Record> void checkTyped(Experiment<P> experiment, TrialSpec trial, Path dataDir) {
        experiment.checkInputs(RecordBinder.bind(ConfigFactory.parseString(trial.paramsJson()), "params",
                experiment.paramsType()), dataDir);
    }
}
