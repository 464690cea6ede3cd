package ebmopt.nightly;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigException;
import ebmopt.config.ConfigError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The nightly's selection of jobs (jobs/nightly.conf): {@code nightly.jobs}, a list of job
 * files, and {@code nightly.scale}, the scale each runs at when its job file declares it
 * (otherwise the job runs as written).
 *
 * @param jobs  the job files
 * @param scale the scale, or null
 */
public record NightlySelection(List<Path> jobs, String scale) {

    public static NightlySelection read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("the nightly selection " + file + " does not exist");
        }
        try {
            Config config = ConfigFactory.parseFile(file.toFile()).resolve();
            Config nightly = config.getConfig("nightly");
            for (String key : nightly.root().keySet()) {
                if (!Set.of("jobs", "scale").contains(key)) {
                    throw new ConfigError("Unknown key nightly." + key + " in " + file + "; nightly accepts only "
                            + "[jobs, scale]");
                }
            }
            List<Path> jobs = new ArrayList<>();
            for (String job : nightly.getStringList("jobs")) {
                Path path = Path.of(job);
                if (!Files.isRegularFile(path)) {
                    throw new ConfigError("nightly.jobs in " + file + " names " + job + ", which does not exist");
                }
                jobs.add(path);
            }
            return new NightlySelection(List.copyOf(jobs), nightly.hasPath("scale") ? nightly.getString("scale") : null);
        } catch (ConfigException e) {
            throw new ConfigError("bad nightly selection " + file + ": " + e.getMessage());
        }
    }

    /** The scale to run {@code job} at: the selection's, if the job file declares it; else null. */
    public String scaleOf(Path job) {
        return scale != null && ConfigFactory.parseFile(job.toFile()).hasPath("scales." + scale) ? scale : null;
    }
}
