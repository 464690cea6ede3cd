package ebmopt.oracle;

import ebmopt.tasks.DataFiles;
import ebmopt.tasks.ForestOracle;
import ebmopt.tasks.RegressionForest;
import ebmopt.tasks.SuperconductorOracleData;
import ebmopt.tasks.TaskDataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the re-trained oracles exist before trials need them: on the driver, where Spark
 * can train. A valid cache is reused; a missing or corrupt one is (re-)trained and replaced.
 */
public final class TrainedOracles {
    /** The tasks whose oracle is re-trained here. */
    public static final List<String> TASKS = List.of("superconductor");
    private static final Logger LOG = LoggerFactory.getLogger(TrainedOracles.class);

    private TrainedOracles() {
    }

    /**
     * The oracle and where it is cached.
     *
     * @param cache   the cache file
     * @param trained whether this call trained it (false: a valid cache was reused)
     * @param oracle  the oracle
     */
    public record Result(Path cache, boolean trained, ForestOracle oracle) {
    }

    /** Trains (or reuses) the oracle of {@code task} from the data in {@code dataDir}. */
    public static Result ensure(SparkSession spark, String task, Path dataDir) {
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("no re-trained oracle for task '" + task + "'; known: " + TASKS
                    + " (the others' oracles are exact)");
        }
        return superconductor(spark, dataDir, MllibForest.DESIGN_BENCH);
    }

    /** Ensures the oracle of each of {@code tasks} (any task names) that has a re-trained one. */
    public static void prepare(SparkSession spark, Path dataDir, Collection<String> tasks) {
        prepare(spark, dataDir, tasks, MllibForest.DESIGN_BENCH);
    }

    static void prepare(SparkSession spark, Path dataDir, Collection<String> tasks, MllibForest.Settings settings) {
        for (String task : new TreeSet<>(tasks)) {
            if (!TASKS.contains(task)) {
                continue;
            }
            Result r = superconductor(spark, dataDir, settings);  // the only one in TASKS
            LOG.info("{} oracle ({}): {} {}", task, "re-trained random forest", r.trained() ? "trained into" : "cached in",
                    r.cache());
        }
    }

    /** The Superconductor oracle trained with {@code settings} (tests train small forests). */
    static Result superconductor(SparkSession spark, Path dataDir, MllibForest.Settings settings) {
        Path csv = SuperconductorOracleData.csv(dataDir);
        String sha = DataFiles.unverified(csv).sha256();
        Path cache = SuperconductorOracleData.cache(dataDir, sha);
        String description = settings.describe() + "; " + SuperconductorOracleData.describe();
        if (Files.isRegularFile(cache)) {
            try {
                ForestOracle cached = ForestOracle.load(cache, sha);
                if (cached.description().equals(description)) {
                    return new Result(cache, false, cached);
                }
                LOG.warn("{} was trained as \"{}\", not as \"{}\": re-training it", cache, cached.description(),
                        description);
            } catch (TaskDataException e) {
                LOG.warn("{}: re-training it", e.getMessage());
            }
        }
        SuperconductorOracleData.Split split = SuperconductorOracleData.split(csv);
        long start = System.nanoTime();
        RegressionForest forest = MllibForest.toForest(
                MllibForest.fit(spark, split.trainX(), split.trainY(), SuperconductorOracleData.SEED, settings));
        double[] predicted = new double[split.validationX().length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = forest.predict(split.validationX()[i]);
        }
        double rho = RankCorrelation.spearman(predicted, split.validationY());
        ForestOracle oracle = new ForestOracle(sha, SuperconductorOracleData.SEED, split.trainY().length,
                split.validationY().length, rho, description, forest);
        oracle.save(cache);
        LOG.info("trained the superconductor oracle in {} s on {} of the {} rows: validation Spearman {} on {} rows;"
                + " saved to {}", String.format("%.1f", (System.nanoTime() - start) / 1e9), split.trainY().length,
                split.fileRows(), String.format("%.3f", rho), split.validationY().length, cache);
        return new Result(cache, true, oracle);
    }
}
