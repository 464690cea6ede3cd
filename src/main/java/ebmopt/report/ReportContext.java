package ebmopt.report;

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
    private final Map<String, Object> memo = new HashMap<>();

    public ReportContext(SparkSession spark, String outputRoot, PaperFigures paperFigures) {
        this.spark = spark;
        this.outputRoot = outputRoot;
        this.paperFigures = paperFigures;
        Map<String, List<ResultLayout>> sweeps = ResultTables.sweepsByExperiment(spark, outputRoot);
        if (!sweeps.isEmpty()) {
            Map<String, Dataset<Row>> trials = ResultTables.readByExperiment(spark, sweeps, ResultTables.TRIALS);
            trials.forEach((experiment, ofIt) ->
                    ofIt.dropDuplicates("trial_id").createOrReplaceTempView(trialsView(experiment)));
            SchemaUnion.union(List.copyOf(trials.values())).dropDuplicates("trial_id")
                    .createOrReplaceTempView(TRIALS_VIEW);
            ResultTables.readAll(spark, sweeps, ResultTables.CURVES).createOrReplaceTempView(CURVES_VIEW);
            ResultTables.readAll(spark, sweeps, ResultTables.CANDIDATES).createOrReplaceTempView(CANDIDATES_VIEW);
        }
        experiments = List.copyOf(sweeps.keySet());
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
