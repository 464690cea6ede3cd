package ebmopt.report;

import ebmopt.results.PublishedResults;
import ebmopt.results.ResultLayout;
import ebmopt.results.ResultTables;
import ebmopt.results.SchemaUnion;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the reproduced tables read: every committed trial under an output root (a trial two
 * sweeps share counted once), registered as the views {@code report_trials},
 * {@code report_curves} and {@code report_candidates}, one {@code report_<experiment>_trials}
 * per experiment with its own parameter types ({@link #trialsView}), and the papers' tables
 * ({@link PaperFigures}). A section about one experiment reads that experiment's view:
 * in {@code report_trials} a parameter name two experiments type differently is text.
 */
public final class ReportContext {
    public static final String TRIALS_VIEW = "report_trials";
    public static final String CURVES_VIEW = "report_curves";
    public static final String CANDIDATES_VIEW = "report_candidates";

    private final SparkSession spark;
    private final String outputRoot;
    private final PaperFigures paperFigures;
    private final List<String> experiments;
    private final List<String> publishedSweeps;
    private final Map<String, Object> memo = new HashMap<>();

    /** The results under {@code outputRoot} alone. */
    public ReportContext(SparkSession spark, String outputRoot, PaperFigures paperFigures) {
        this(spark, outputRoot, "", paperFigures);
    }

    /**
     * The results under {@code outputRoot} and the published ones under {@code publishedDir}
     * (empty: none; {@link PublishedResults}): a trial in both counts once, with the row from
     * {@code outputRoot}; every row carries {@code result_set}.
     */
    public ReportContext(SparkSession spark, String outputRoot, String publishedDir, PaperFigures paperFigures) {
        this.spark = spark;
        this.outputRoot = outputRoot;
        this.paperFigures = paperFigures;
        this.publishedSweeps = PublishedResults.describe(publishedDir, spark.sparkContext().hadoopConfiguration());
        Map<String, List<ResultLayout>> sweeps = ResultTables.sweepsByExperiment(spark, outputRoot);
        Map<String, Dataset<Row>> trials = read(spark, sweeps, publishedDir, ResultTables.TRIALS);
        if (!trials.isEmpty()) {
            trials.forEach((experiment, ofIt) ->
                    ofIt.dropDuplicates("trial_id").createOrReplaceTempView(trialsView(experiment)));
            SchemaUnion.union(List.copyOf(trials.values())).dropDuplicates("trial_id")
                    .createOrReplaceTempView(TRIALS_VIEW);
            SchemaUnion.union(List.copyOf(read(spark, sweeps, publishedDir, ResultTables.CURVES).values()))
                    .createOrReplaceTempView(CURVES_VIEW);
            SchemaUnion.union(List.copyOf(read(spark, sweeps, publishedDir, ResultTables.CANDIDATES).values()))
                    .createOrReplaceTempView(CANDIDATES_VIEW);
        }
        experiments = List.copyOf(trials.keySet());
    }

    /** One table per experiment: the output root's rows and the published rows it lacks. */
    private static Map<String, Dataset<Row>> read(SparkSession spark, Map<String, List<ResultLayout>> sweeps,
                                                  String publishedDir, String table) {
        Map<String, Dataset<Row>> own = sweeps.isEmpty() ? Map.of() : ResultTables.readByExperiment(spark, sweeps, table);
        return PublishedResults.withPublished(own, PublishedResults.readByExperiment(spark, publishedDir, table));
    }

    /**
     * " AND c" for each condition whose parameter {@code experiment}'s trials have (by the
     * parameter's column name), so that a filter on a parameter newer than some results still
     * reads them; "" when the experiment has no trials.
     */
    String whereParamsPresent(String experiment, Map<String, String> conditions) {
        if (!hasExperiment(experiment) || conditions.isEmpty()) {
            return "";
        }
        List<String> held = List.of(((org.apache.spark.sql.types.StructType) spark.table(trialsView(experiment))
                .schema().apply("params").dataType()).fieldNames());
        StringBuilder out = new StringBuilder();
        conditions.forEach((param, condition) -> {
            if (held.contains(param)) {
                out.append(" AND ").append(condition);
            }
        });
        return out.toString();
    }

    /** The published sweeps read, one line each ({@link PublishedResults#describe}). */
    public List<String> publishedSweeps() {
        return publishedSweeps;
    }

    /**
     * The view of {@code experiment}'s trials (a trial two sweeps share counted once), its
     * {@code params} typed as that experiment's parameters; registered when
     * {@link #hasExperiment} says so.
     */
    public static String trialsView(String experiment) {
        return "report_" + ResultTables.experimentView(experiment);
    }

    public SparkSession spark() {
        return spark;
    }

    public String outputRoot() {
        return outputRoot;
    }

    /** The papers' tables. */
    public PaperFigures paperFigures() {
        return paperFigures;
    }

    /** Whether any committed trial ran {@code experiment} (its params columns then exist). */
    public boolean hasExperiment(String experiment) {
        return experiments.contains(experiment);
    }

    /** Computes a value once per report (e.g. an aggregation several tables share). */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        return (T) memo.computeIfAbsent(key, k -> compute.get());
    }
}
