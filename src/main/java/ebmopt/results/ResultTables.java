package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the result tables back with Spark, for one sweep or across every sweep under an
 * output root, and registers them as named SQL views. Only committed trials are read.
 */
public final class ResultTables {
    public static final String TRIALS = "trials";
    public static final String CURVES = "curves";
    public static final String CANDIDATES = "candidates";
    /** The per-trial tables, each a file {@code <name>.parquet} in every trial folder and a folder of the snapshot. */
    public static final List<String> PER_TRIAL = List.of(TRIALS, CURVES, CANDIDATES);
    /** Aggregated tables (reports) live under output.root/tables/&lt;name&gt;/. */
    public static final String TABLES_DIR = "tables";

    private ResultTables() {
    }

    /** One table of one sweep. */
    public static Dataset<Row> read(SparkSession spark, ResultLayout layout, String table) {
        return SweepTables.read(spark, layout, table);
    }

    /**
     * One table of every sweep under {@code outputRoot}. The {@code params} structs of
     * different experiments are merged by {@link SchemaUnion}'s rule: a parameter name two
     * experiments type differently is text here; {@link #readByExperiment} keeps the types.
     */
    public static Dataset<Row> read(SparkSession spark, String outputRoot, String table) {
        Map<String, List<ResultLayout>> sweeps = sweepsByExperiment(spark, outputRoot);
        if (sweeps.isEmpty()) {
            throw new IllegalStateException("No sweeps with results under " + outputRoot + ": run a sweep first");
        }
        return readAll(spark, sweeps, table);
    }

    /** The sweeps under {@code outputRoot} with results, by the experiment they ran (sorted by name). */
    public static Map<String, List<ResultLayout>> sweepsByExperiment(SparkSession spark, String outputRoot) {
        return SweepExperiments.byExperiment(spark, sweeps(spark, outputRoot));
    }

    /**
     * One table per experiment with results under {@code outputRoot} (sorted by name), each
     * the union of that experiment's sweeps with its own parameter types.
     */
    public static Map<String, Dataset<Row>> readByExperiment(SparkSession spark, String outputRoot, String table) {
        return readByExperiment(spark, sweepsByExperiment(spark, outputRoot), table);
    }

    /** {@link #readByExperiment(SparkSession, String, String)} of sweeps already grouped ({@link #sweepsByExperiment}). */
    public static Map<String, Dataset<Row>> readByExperiment(SparkSession spark, Map<String, List<ResultLayout>> sweeps,
                                                             String table) {
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        sweeps.forEach((experiment, ofIt) -> tables.put(experiment,
                SchemaUnion.union(ofIt.stream().map(s -> SweepTables.read(spark, s, table)).toList())));
        return tables;
    }

    /** One table of every sweep of {@code sweeps} (none empty), united by {@link SchemaUnion}'s rule. */
    public static Dataset<Row> readAll(SparkSession spark, Map<String, List<ResultLayout>> sweeps, String table) {
        return SchemaUnion.union(List.copyOf(readByExperiment(spark, sweeps, table).values()));
    }

    /** The view of one experiment's trials, typed as that experiment's parameters: {@code gaussian_trials}. */
    public static String experimentView(String experiment) {
        return experiment.replaceAll("[^A-Za-z0-9_]", "_") + "_" + TRIALS;
    }

    /** The sweeps under {@code outputRoot} that have committed at least one trial. */
    public static List<ResultLayout> sweeps(SparkSession spark, String outputRoot) {
        try {
            Path root = new Path(outputRoot);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            // A status marker is sweep/results/<trial>/_status...: its sweep is three levels up.
            FileStatus[] markers = fs.globStatus(new Path(root, "*/" + ResultLayout.RESULTS + "/*/"
                    + ResultLayout.STATUS_PREFIX + "*"));
            TreeSet<String> dirs = new TreeSet<>();
            for (FileStatus marker : markers == null ? new FileStatus[0] : markers) {
                dirs.add(fs.makeQualified(marker.getPath().getParent().getParent().getParent()).toString());
            }
            return dirs.stream().map(ResultLayout::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sweeps under " + outputRoot, e);
        }
    }

    /**
     * Registers {@code trials}, {@code curves}, {@code candidates}, one {@code <experiment>_trials}
     * per experiment with results, and every aggregated table under {@code outputRoot/tables}
     * as temporary views; returns the names registered.
     */
    public static List<String> registerViews(SparkSession spark, String outputRoot) {
        List<String> names = new ArrayList<>();
        Map<String, List<ResultLayout>> sweeps = sweepsByExperiment(spark, outputRoot);
        if (!sweeps.isEmpty()) {
            for (String table : PER_TRIAL) {
                Map<String, Dataset<Row>> byExperiment = readByExperiment(spark, sweeps, table);
                SchemaUnion.union(List.copyOf(byExperiment.values())).createOrReplaceTempView(table);
                names.add(table);
                if (table.equals(TRIALS)) {
                    byExperiment.forEach((experiment, trials) -> {
                        trials.createOrReplaceTempView(experimentView(experiment));
                        names.add(experimentView(experiment));
                    });
                }
            }
        }
        for (String name : aggregatedTables(spark, outputRoot)) {
            spark.read().parquet(outputRoot + "/" + TABLES_DIR + "/" + name).createOrReplaceTempView(name);
            names.add(name);
        }
        return names;
    }

    /** The aggregated tables written to the end under {@code outputRoot/tables}, by name. */
    static List<String> aggregatedTables(SparkSession spark, String outputRoot) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        return ResultFiles.folders(outputRoot + "/" + TABLES_DIR, hadoop).stream()
                .filter(name -> ResultFiles.hasAggregatedTable(outputRoot, name, hadoop)).sorted().toList();
    }
}
