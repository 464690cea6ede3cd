package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scripts that make the result tables named tables in a plain {@code spark-sql} or
 * {@code spark-shell} (no ebm-opt on the classpath): {@code CREATE TEMPORARY VIEW ... USING
 * parquet} over each sweep's snapshot (curves, candidates, and each experiment's trials), a
 * {@code trials} view over those, and one over every aggregated table under {@code tables/}.
 * Written next to the results as {@code views.sql} and {@code views.scala}. A view reads the
 * snapshot version current when the script was written, so it misses the trials committed
 * since ({@code submit/sql} reads those too), and the script must be written again once a
 * later run has replaced that version and deleted it (an hour after the swap).
 */
public final class ViewScripts {
    public static final String SQL_FILE = "views.sql";
    public static final String SCALA_FILE = "views.scala";

    private ViewScripts() {
    }

    /**
     * The CREATE TEMPORARY VIEW statements for everything under {@code outputRoot}, one per
     * view: {@code trials}, {@code curves} and {@code candidates} over every sweep, one
     * {@code <experiment>_trials} per experiment with its own parameter types, and the
     * aggregated tables. {@code trials} is the union of the experiments' views under
     * {@link SchemaUnion}'s rule, written out as SQL.
     */
    public static List<String> statements(SparkSession spark, String outputRoot) {
        List<String> statements = new ArrayList<>();
        List<ResultLayout> sweeps = ResultTables.sweeps(spark, outputRoot);
        for (String table : ResultTables.PER_TRIAL) {
            if (!table.equals(ResultTables.TRIALS)) {
                snapshotGlob(spark, sweeps, table).ifPresent(glob -> statements.add(view(table, glob, true)));
            }
        }
        Map<String, StructType> experiments = new LinkedHashMap<>();
        SweepExperiments.byExperiment(spark, sweeps).forEach((experiment, ofIt) ->
                snapshotGlob(spark, ofIt, ResultTables.TRIALS).ifPresent(glob -> {
                    String name = ResultTables.experimentView(experiment);
                    statements.add(view(name, glob, true));
                    experiments.put(name, spark.read().option("mergeSchema", "true").parquet(glob).schema());
                }));
        if (!experiments.isEmpty()) {
            StructType target = SchemaUnion.target(List.copyOf(experiments.values()));
            List<String> selects = new ArrayList<>();
            experiments.forEach((name, schema) -> selects.add("SELECT "
                    + String.join(", ", SchemaUnion.selectList(schema, target)) + " FROM " + name));
            statements.add("CREATE OR REPLACE TEMPORARY VIEW " + ResultTables.TRIALS + " AS "
                    + String.join(" UNION ALL ", selects));
        }
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        for (String name : ResultTables.aggregatedTables(spark, outputRoot)) {
            statements.add(view(name, ResultFiles.qualified(ResultFiles.aggregatedTable(outputRoot, name), hadoop),
                    false));
        }
        return statements;
    }

    /** Writes views.sql and views.scala for everything under {@code outputRoot}, each replaced atomically. */
    public static void write(SparkSession spark, String outputRoot) {
        List<String> views = statements(spark, outputRoot);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try {
            AtomicFiles.replace(new Path(outputRoot, SQL_FILE), sql(views, outputRoot).getBytes(StandardCharsets.UTF_8),
                    hadoop);
            AtomicFiles.replace(new Path(outputRoot, SCALA_FILE), scala(views, outputRoot)
                    .getBytes(StandardCharsets.UTF_8), hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the view scripts under " + outputRoot, e);
        }
    }

    /**
     * Writes the scripts again where {@code submit/tables} wrote them before, so that they name
     * the snapshot versions current now (a sweep run calls this after replacing its snapshot).
     */
    public static void rewriteIfPresent(SparkSession spark, String outputRoot) {
        Path existing = new Path(outputRoot, SQL_FILE);
        if (exists(spark, existing)) {
            write(spark, outputRoot);
        }
    }

    /** views.sql: for {@code spark-sql -i views.sql}. */
    public static String sql(List<String> statements, String outputRoot) {
        StringBuilder out = new StringBuilder("-- The ebm-opt result tables under " + outputRoot + " as temporary views.\n"
                + "-- spark-sql:   spark-sql -i views.sql      (then e.g. SELECT status, count(*) FROM trials GROUP BY 1)\n"
                + "-- spark-shell: spark-shell -i views.scala\n"
                + "-- Regenerated by submit/tables; trials, curves and candidates read each sweep's snapshot.\n");
        statements.forEach(s -> out.append(s).append(";\n"));
        return out.toString();
    }

    /** views.scala: for {@code spark-shell -i views.scala} (or {@code :load views.scala}). */
    public static String scala(List<String> statements, String outputRoot) {
        StringBuilder out = new StringBuilder("// The ebm-opt result tables under " + outputRoot
                + " as temporary views: spark-shell -i views.scala\n// then e.g. spark.sql(\"SELECT * FROM reproduced"
                + " WHERE verdict = 'worse'\").show(false)\nSeq(\n");
        for (int i = 0; i < statements.size(); i++) {
            out.append("  \"\"\"").append(statements.get(i)).append("\"\"\"").append(i + 1 < statements.size() ? ",\n"
                    : "\n");
        }
        return out.append(").foreach(s => spark.sql(s))\nprintln(\"views: \" + spark.catalog.listTables().collect()"
                + ".map(_.name).mkString(\", \"))\n").toString();
    }

    /**
     * A glob over the current snapshots of {@code sweeps} that hold {@code table} (a sweep not
     * run since the table existed has none); empty when none does.
     */
    private static Optional<String> snapshotGlob(SparkSession spark, List<ResultLayout> sweeps, String table) {
        List<String> names = sweeps.stream().flatMap(s -> SweepTables.currentSnapshot(s,
                spark.sparkContext().hadoopConfiguration()).filter(p -> exists(spark, new Path(p, table)))
                .map(p -> underRoot(s, p)).stream()).toList();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String parent = new Path(sweeps.get(0).sweepDir()).getParent().toString();
        return Optional.of(parent + "/" + (names.size() == 1 ? names.get(0) : "{" + String.join(",", names) + "}")
                + "/" + table);
    }

    /** A folder of {@code sweep} as {@code <sweep name>/<its path in the sweep>}: relative to the output root. */
    private static String underRoot(ResultLayout sweep, Path folder) {
        return new Path(sweep.sweepDir()).getName() + folder.toString().substring(sweep.sweepDir().length());
    }

    private static boolean exists(SparkSession spark, Path path) {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String view(String name, String path, boolean mergeSchema) {
        return "CREATE OR REPLACE TEMPORARY VIEW " + name + " USING parquet OPTIONS (path '" + path.replace("'", "\\'")
                + "'" + (mergeSchema ? ", mergeSchema 'true'" : "") + ")";
    }
}
