package ebmopt.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import ebmopt.config.ConfigError;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The experiments on the classpath, found through {@link ServiceLoader}, so that driver and
 * executors see the same set without any shared state.
 */
public final class ExperimentRegistry {
    private static final Map<String, Experiment<?>> EXPERIMENTS = discover();

    private ExperimentRegistry() {
    }

    /** The experiment called {@code name}, or a {@link ConfigError} listing the known ones. */
    public static Experiment<?> get(String name) {
        Experiment<?> experiment = EXPERIMENTS.get(name);
        if (experiment == null) {
            throw new ConfigError("Unknown experiment '" + name + "' (job.experiment); known: " + EXPERIMENTS.keySet());
        }
        return experiment;
    }

    /** Every experiment, by name. */
    public static Map<String, Experiment<?>> all() {
        return java.util.Collections.unmodifiableMap(EXPERIMENTS);
    }

    /** The defaults of the named experiment's parameters. */
    public static Config defaults(String name) {
        String resource = get(name).defaultsResource();
        return ConfigFactory.parseResources(resource, ConfigParseOptions.defaults().setAllowMissing(false)
                .setOriginDescription(resource + " (defaults of experiment " + name + ")"));
    }

    private static Map<String, Experiment<?>> discover() {
        Map<String, Experiment<?>> found = new TreeMap<>();
        for (Experiment<?> e : ServiceLoader.load(Experiment.class)) {
            Experiment<?> previous = found.put(e.name(), e);
            if (previous != null) {
                throw new IllegalStateException("two experiments are called " + e.name() + ": "
                        + previous.getClass() + " and " + e.getClass());
            }
        }
        return found;
    }
}
