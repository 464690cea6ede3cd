package ebmopt.nightly;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import ebmopt.config.ConfigError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nightly's selection of jobs (jobs/nightly.conf): {@code nightly.jobs}, a list whose
 * entries are a job file, or {@code {job = <file>, scale = <scale>}} to run that job at its
 * own scale; and {@code nightly.scale}, the scale the other jobs run at when their job file
 * declares it (otherwise they run as written).
 *
 * @param jobs   the job files, in order
 * @param scales the scale named for a job in its entry, by job file
 * @param scale  the default scale, or null
 */
public record NightlySelection(List<Path> jobs, Map<Path, String> scales, String scale) {

    public static NightlySelection read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("the nightly selection " + file + " does not exist");
        }
        try {
            Config nightly = ConfigFactory.parseFile(file.toFile()).resolve().getConfig("nightly");
            for (String key : nightly.root().keySet()) {
                if (!Set.of("jobs", "scale").contains(key)) {
                    throw new ConfigError("Unknown key nightly." + key + " in " + file + "; nightly accepts only "
                            + "[jobs, scale]");
                }
            }
            List<Path> jobs = new ArrayList<>();
            Map<Path, String> scales = new LinkedHashMap<>();
            for (ConfigValue entry : nightly.getList("jobs")) {
                Path path = Path.of(jobOf(entry, file));
                if (!Files.isRegularFile(path)) {
                    throw new ConfigError("nightly.jobs in " + file + " names " + path + ", which does not exist");
                }
                jobs.add(path);
                if (entry.valueType() == ConfigValueType.OBJECT) {
                    String scale = ((ConfigObject) entry).toConfig().getString("scale");
                    if (!ConfigFactory.parseFile(path.toFile()).hasPath("scales." + scale)) {
                        throw new ConfigError("nightly.jobs in " + file + " runs " + path + " at scale " + scale
                                + ", which that job file does not declare");
                    }
                    scales.put(path, scale);
                }
            }
            return new NightlySelection(List.copyOf(jobs), Map.copyOf(scales),
                    nightly.hasPath("scale") ? nightly.getString("scale") : null);
        } catch (ConfigException e) {
            throw new ConfigError("bad nightly selection " + file + ": " + e.getMessage());
        }
    }

    /** A job entry's file: the entry itself, or its {@code job} key. */
    private static String jobOf(ConfigValue entry, Path file) {
        if (entry.valueType() == ConfigValueType.STRING) {
            return (String) entry.unwrapped();
        }
        if (entry.valueType() == ConfigValueType.OBJECT) {
            Config job = ((ConfigObject) entry).toConfig();
            for (String key : job.root().keySet()) {
                if (!Set.of("job", "scale").contains(key)) {
                    throw new ConfigError("Unknown key " + key + " in an entry of nightly.jobs in " + file
                            + "; an entry accepts only [job, scale]");
                }
            }
            if (!job.hasPath("job") || !job.hasPath("scale")) {
                throw new ConfigError("an entry of nightly.jobs in " + file + " needs both job and scale: " + job.root()
                        .render(ConfigRenderOptions.concise()));
            }
            return job.getString("job");
        }
        throw new ConfigError("an entry of nightly.jobs in " + file + " must be a job file or {job = ..., scale = ...}, "
                + "not " + entry.render(ConfigRenderOptions.concise()));
    }

    /**
     * The scale to run {@code job} at: the one its entry names; else the selection's, if the
     * job file declares it; else null.
     */
    public String scaleOf(Path job) {
        if (scales.containsKey(job)) {
            return scales.get(job);
        }
        return scale != null && ConfigFactory.parseFile(job.toFile()).hasPath("scales." + scale) ? scale : null;
    }
}
