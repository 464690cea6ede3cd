package ebmopt.results;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which experiment each sweep ran: {@code job.experiment} of its resolved configuration
 * ({@code sweep.conf}), or, where that file is missing or unreadable, the {@code experiment}
 * column of one of its committed trials. A sweep runs one experiment, so its trials share
 * one parameter record and one {@code params} type.
 */
public final class SweepExperiments {
    private static final String KEY = "job.experiment";

    private SweepExperiments() {
    }

    /** Experiment -> its sweeps (in the given order), experiments sorted by name. */
    public static Map<String, List<ResultLayout>> byExperiment(SparkSession spark, List<ResultLayout> sweeps) {
        Map<String, List<ResultLayout>> grouped = new TreeMap<>();
        for (ResultLayout sweep : sweeps) {
            grouped.computeIfAbsent(experimentOf(spark, sweep), k -> new ArrayList<>()).add(sweep);
        }
        return grouped;
    }

    /** The experiment {@code sweep} ran. */
    public static String experimentOf(SparkSession spark, ResultLayout sweep) {
        try {
            Optional<String> conf = ResultFiles.readText(sweep.sweepConf().toString(),
                    spark.sparkContext().hadoopConfiguration());
            if (conf.isPresent()) {
                Config parsed = ConfigFactory.parseString(conf.get());
                if (parsed.hasPath(KEY)) {
                    return parsed.getString(KEY);
                }
            }
        } catch (UncheckedIOException | ConfigException e) {
            // Fall through to the trials themselves.
        }
        Row first = SweepTables.read(spark, sweep, ResultTables.TRIALS).select("experiment").first();
        return first.getString(0);
    }
}
