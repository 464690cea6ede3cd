package ebmopt.run;

import ebmopt.config.SparkSettings;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session from the {@code spark} block. Under spark-submit the master
 * and any --conf given there win over the configuration files.
 */
public final class SparkSessions {
    private SparkSessions() {
    }

    public static SparkSession create(SparkSettings settings) {
        SparkSession.Builder builder = SparkSession.builder().appName(settings.appName());
        if (System.getProperty("spark.master") == null) {
            builder.master(settings.master());
        }
        settings.conf().forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                builder.config(key, value);
            }
        });
        return builder.getOrCreate();
    }
}
