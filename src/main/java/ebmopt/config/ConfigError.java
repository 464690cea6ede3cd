package ebmopt.config;

import com.typesafe.config.ConfigOrigin;

/**
 * A configuration mistake found before anything runs. The message always names the
 * offending key and, where known, the file (and line) it came from.
 */
public final class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message);
    }

    public ConfigError(String message, Throwable cause) {
        super(message, cause);
    }

    /** "key (from file: line)" in the words every config message uses. */
    public static String where(String key, ConfigOrigin origin) {
        return origin == null ? key : key + " (from " + origin.description() + ")";
    }
}
