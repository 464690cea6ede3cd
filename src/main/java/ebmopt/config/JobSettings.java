package ebmopt.config;

import static ebmopt.config.InvalidParameterException.require;

/**
 * The {@code job} block: what a job file runs.
 *
 * @param name        the sweep's name; its results go to output.root/name ({@link PathNames}: one folder name)
 * @param experiment  the registered experiment every trial runs (e.g. "gaussian")
 * @param description one line shown in reports
 */
public record JobSettings(String name, String experiment, String description) {
    public JobSettings {
        require(PathNames.isSafe(name), "name", PathNames.rule());
        require(!experiment.isBlank(), "experiment", "must name an experiment");
    }
}
