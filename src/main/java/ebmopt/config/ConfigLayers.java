package ebmopt.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Stacks the configuration layers, lowest first: the defaults shipped in the jar
 * ({@code ebmopt/defaults.conf}), the chosen experiment's own defaults (under
 * {@code params}), a profile from conf/, the job file, the job's chosen scale block, and
 * command-line overrides. Substitutions are resolved once, over the whole stack.
 */
public final class ConfigLayers {
    /** The top-level sections a configuration may have. */
    public static final Set<String> SECTIONS = Set.of(
            "job", "spark", "run", "data", "output", "reference", "params", "sweep", "scales");

    /** How the origin of a command-line override's values begins (see {@link #isOverride}). */
    private static final String OVERRIDE_ORIGIN = "command-line override";
    private static final String DEFAULTS = "ebmopt/defaults.conf";
    private static final Path CONF_DIR = Path.of("conf");

    private ConfigLayers() {
    }

    /**
     * Loads and resolves the stack.
     *
     * @param experimentDefaults the defaults of an experiment's parameters, by experiment name
     */
    public static LoadedConfig load(LoadRequest request, Function<String, Config> experimentDefaults) {
        List<String> layers = new ArrayList<>();
        Config defaults = ConfigFactory.parseResources(DEFAULTS, strict(DEFAULTS + " (shipped defaults)"));
        layers.add("classpath:" + DEFAULTS);

        Config profile = ConfigFactory.empty();
        if (request.profile() != null) {
            Path file = profileFile(request.profile());
            profile = parseFile(file, "profile");
            layers.add(file.toString());
        }
        Config job = ConfigFactory.empty();
        if (request.jobFile() != null) {
            job = parseFile(request.jobFile(), "job file");
            layers.add(request.jobFile().toString());
        }
        Config scale = ConfigFactory.empty();
        if (request.scale() != null && request.jobFile() == null) {
            throw new ConfigError("--scale " + request.scale() + " needs a job file: scales are blocks of a job file");
        }
        if (request.scale() != null) {
            PathNames.require("--scale", request.scale());
            scale = scaleBlock(job, request.scale(), request.jobFile());
            layers.add(request.jobFile() + " scales." + request.scale());
        }
        Config cli = ConfigFactory.empty();
        for (String assignment : request.overrides()) {
            cli = parseOverride(assignment).withFallback(cli);
            layers.add("override " + assignment);
        }

        Config merged = cli.withFallback(scale).withFallback(job.withoutPath("scales"))
                .withFallback(profile).withFallback(defaults);
        rejectUnknownSections(merged);
        // Resolve once to read job.experiment (it may itself be a substitution), then again
        // with the experiment's defaults beneath params, which job values may refer to.
        Config partial = resolve(merged, true);
        if (partial.hasPath("job.experiment")) {
            String experiment = Sections.string(partial, "job.experiment");
            Config paramDefaults;
            try {
                paramDefaults = experimentDefaults.apply(experiment);
            } catch (ConfigError e) {
                throw new ConfigError(e.getMessage() + " (job.experiment from "
                        + partial.getValue("job.experiment").origin().description() + ")", e);
            }
            merged = merged.withFallback(paramDefaults.atPath("params"));
        }
        return new LoadedConfig(resolve(merged, false), List.copyOf(layers), request.scale());
    }

    private static Config resolve(Config config, boolean allowUnresolved) {
        try {
            return config.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(allowUnresolved));
        } catch (ConfigException.UnresolvedSubstitution e) {
            throw new ConfigError("Unresolved substitution: " + e.getMessage(), e);
        }
    }

    /** A job file's named scale block, e.g. scales.ci, or an error listing the scales it has. */
    private static Config scaleBlock(Config job, String scale, Path jobFile) {
        if (!job.hasPath("scales." + scale)) {
            Set<String> known = job.hasPath("scales") ? new TreeSet<>(job.getObject("scales").keySet()) : Set.of();
            throw new ConfigError("The job file " + jobFile + " has no scale '" + scale + "' (scales."
                    + scale + "); it defines " + (known.isEmpty() ? "none" : known.toString()));
        }
        return job.getConfig("scales." + scale);
    }

    private static void rejectUnknownSections(Config merged) {
        for (Map.Entry<String, ConfigValue> e : new TreeMap<>(merged.root()).entrySet()) {
            if (!SECTIONS.contains(e.getKey())) {
                throw new ConfigError("Unknown configuration section " + ConfigError.where(e.getKey(),
                        e.getValue().origin()) + "; the sections are " + new TreeSet<>(SECTIONS));
            }
        }
    }

    private static Path profileFile(String profile) {
        if (profile.endsWith(".conf") || profile.contains("/")) {
            return Path.of(profile);
        }
        return CONF_DIR.resolve(profile + ".conf");
    }

    private static Config parseFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigError("The " + what + " " + file.toAbsolutePath() + " does not exist");
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), strict(file.toString()));
        } catch (ConfigException.Parse e) {
            throw new ConfigError("Cannot parse the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One {@code key=value} override as HOCON, so that numbers, lists and objects keep their
     * types. A value that is not valid HOCON but reads as a plain word (it starts with a
     * letter or digit) after a valid key is taken as a string: {@code spark.master=local[2]}
     * and {@code spark.master=local[*,3]}, as users type them, mean the master "local[2]"
     * (HOCON rejects both). A broken list, object or empty value stays an error.
     */
    private static Config parseOverride(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals < 0) {
            throw new ConfigError("The override '" + assignment + "' is not of the form key=value");
        }
        ConfigParseOptions origin = strict(OVERRIDE_ORIGIN + " '" + assignment + "'");
        try {
            return ConfigFactory.parseString(assignment, origin);
        } catch (ConfigException e) {
            String key = assignment.substring(0, equals).trim();
            String value = assignment.substring(equals + 1).trim();
            if (value.isEmpty() || !Character.isLetterOrDigit(value.charAt(0)) || !isPath(key)) {
                throw new ConfigError("Cannot parse the override '" + assignment + "' (key " + key + "): "
                        + e.getMessage(), e);
            }
            return ConfigFactory.parseString(key + " = " + ConfigUtil.quoteString(value), origin);
        }
    }

    private static boolean isPath(String key) {
        try {
            ConfigUtil.splitPath(key);
            return true;
        } catch (ConfigException e) {
            return false;
        }
    }

    /** Whether a value came from a command-line override ({@code --set}). */
    public static boolean isOverride(ConfigOrigin origin) {
        return origin != null && origin.description().startsWith(OVERRIDE_ORIGIN);
    }

    private static ConfigParseOptions strict(String origin) {
        return ConfigParseOptions.defaults().setAllowMissing(false).setOriginDescription(origin);
    }
}
