package ebmopt.config;

import java.util.Map;

import static ebmopt.config.InvalidParameterException.require;

/**
 * The {@code spark} block.
 *
 * @param master  the Spark master; ignored when spark-submit already set one
 * @param appName the application name shown in the Spark UI
 * @param conf    Spark properties passed through verbatim ("spark.ui.enabled" = false, ...)
 */
public record SparkSettings(String master, String appName, Map<String, String> conf) {
    public SparkSettings {
        require(!master.isBlank(), "master", "must not be empty");
        conf = Map.copyOf(conf);
    }
}
