package ebmopt.run;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.ConfigError;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.Experiment;
import ebmopt.sweep.TrialSpec;
import ebmopt.tasks.TaskDataException;
import ebmopt.tasks.TaskRegistry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks on the driver, while a sweep is planned (so before Spark starts, and in a dry run),
 * the tasks its trials read ({@link Experiment#task}): an unknown task name or a missing or
 * corrupt data file is a {@link ConfigError}, not a failure inside every trial.
 */
final class TaskDataCheck {
    private TaskDataCheck() {
    }

    /** Fails on the first unknown task or bad data file among {@code trials}' tasks. */
    static void check(Experiment<?> experiment, List<TrialSpec> trials, Path dataDir) {
        Map<String, TrialSpec> firstUse = new LinkedHashMap<>();
        for (TrialSpec trial : trials) {
            taskOf(experiment, trial).ifPresent(task -> firstUse.putIfAbsent(task, trial));
        }
        for (Map.Entry<String, TrialSpec> e : firstUse.entrySet()) {
            String where = " (params.task of trial " + e.getValue().trialId() + ", " + e.getValue().describe() + ")";
            try {
                TaskRegistry.checkData(e.getKey(), dataDir);
            } catch (TaskDataException bad) {
                throw new ConfigError("The data of task " + e.getKey() + where + " is not usable: "
                        + bad.getMessage() + " (data.dir = " + dataDir.toAbsolutePath() + ")", bad);
            } catch (IllegalArgumentException unknown) {
                throw new ConfigError(unknown.getMessage() + where, unknown);
            }
        }
    }

    private static Optional<String> taskOf(Experiment<?> experiment, TrialSpec trial) {
        return typed(experiment, RecordBinder.bind(ConfigFactory.parseString(trial.paramsJson()), "params",
                experiment.paramsType()));
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Optional<String> typed(Experiment<P> experiment, Record params) {
        return experiment.task((P) params);
    }
}
