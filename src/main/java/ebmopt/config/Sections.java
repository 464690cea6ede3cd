package ebmopt.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * Typed access to a configuration's blocks that fails with a {@link ConfigError} naming
 * the key and its file, never with a raw Typesafe exception.
 */
public final class Sections {
    private Sections() {
    }

    /** The object at {@code path}; an error if it is missing or not an object. */
    public static Config object(Config config, String path) {
        if (!config.hasPath(path)) {
            throw new ConfigError("Missing required configuration block " + path);
        }
        ConfigValue value = config.getValue(path);
        if (value.valueType() != ConfigValueType.OBJECT) {
            throw new ConfigError("Wrong type for " + ConfigError.where(path, value.origin()) + ": must be a block "
                    + "{ ... }, got " + concise(value));
        }
        return config.getConfig(path);
    }

    /** The string at {@code path}; an error if it is missing or not a string. */
    public static String string(Config config, String path) {
        ConfigValue value = config.getValue(path);
        if (value.valueType() != ConfigValueType.STRING) {
            throw new ConfigError("Wrong type for " + ConfigError.where(path, value.origin()) + ": must be a string, "
                    + "got " + concise(value));
        }
        return (String) value.unwrapped();
    }

    /** A value on one line, as written in HOCON, without origin comments. */
    public static String concise(ConfigValue value) {
        return value.render(ConfigRenderOptions.concise());
    }
}
