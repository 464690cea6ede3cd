package ebmopt.report;

import ebmopt.results.ResultFiles;
import ebmopt.results.ResultTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Gaussian simulation's tables (N2CE paper Tables 13 and 14, and any other setting
 * that was run): the trajectory-wise mean squared distance, mean ± std over runs, per
 * objective, M and n, beside the paper's figures where it has them. Writes the Parquet
 * table {@code output.root/tables/gaussian} and its Markdown rendering
 * {@code output.root/tables/gaussian.md}.
 */
public final class GaussianTables {
    public static final String TABLE = "gaussian";
    /** The paper's Table 14 (n = 500). */
    public static final String PAPER_FILE = "gaussian_table14.csv";
    /** The runs per row behind the paper's means and stds (N2CE paper, Appendix D.1: 100 per setting). */
    public static final int PAPER_RUNS = 100;

    private static final StructType SCHEMA = new StructType()
            .add("setting", DataTypes.StringType)
            .add("objective", DataTypes.StringType)
            .add("noise_magnitude", DataTypes.DoubleType)
            .add("samples", DataTypes.IntegerType)
            .add("dim", DataTypes.IntegerType)
            .add("step_size", DataTypes.DoubleType)
            .add("iterations", DataTypes.IntegerType)
            .add("sample_refresh", DataTypes.StringType)
            .add("runs", DataTypes.LongType)
            .add("diverged", DataTypes.LongType)
            .add("failed", DataTypes.LongType)
            .add("mean_traj_mse", DataTypes.DoubleType)
            .add("std_traj_mse", DataTypes.DoubleType)
            .add("mean_grad_mse", DataTypes.DoubleType)
            .add("paper_mean_traj_mse", DataTypes.DoubleType)
            .add("paper_std_traj_mse", DataTypes.DoubleType)
            .add("relative_difference", DataTypes.DoubleType)
            .add("verdict", DataTypes.StringType);

    private GaussianTables() {
    }

    /** One row of the table. */
    public record Line(String setting, String objective, double noiseMagnitude, int samples, int dim, double stepSize,
                       int iterations, String sampleRefresh, long runs, long diverged, long failed, Double mean,
                       Double std, Double meanGradMse, Double paperMean, Double paperStd) {

        public Double relativeDifference() {
            return mean == null || paperMean == null ? null : (mean - paperMean) / paperMean;
        }

        /** Runs that finished: the mean and std are over these. */
        public long done() {
            return runs - diverged - failed;
        }

        /** Ours against the paper by the report's rule ({@link Verdict}; lower is better). */
        public Verdict verdict() {
            return Verdict.of(mean, std, done(), paperMean, paperStd, PAPER_RUNS, false);
        }

        /** "N2CE", "NWJ", ... as the paper names them. */
        public String label() {
            return switch (objective) {
                case "n2ce" -> noiseMagnitude == 1 ? "N2CE (M = 1: NCE)" : "N2CE";
                case "nwj" -> "NWJ";
                case "neg-reweight" -> "neg-reweight";
                default -> objective.toUpperCase(java.util.Locale.ROOT);
            };
        }
    }

    /**
     * Aggregates every gaussian trial under output.root, writes the tables, returns the rows.
     * A trial that two sweeps share (same identity, so same seed and result: the quickstart's
     * runs are Table 14's first ten) counts once.
     */
    public static List<Line> build(SparkSession spark, String outputRoot, PaperFigures paperFigures) {
        Dataset<Row> trials = ResultTables.readByExperiment(spark, outputRoot, ResultTables.TRIALS).get("gaussian");
        if (trials == null) {
            throw new IllegalStateException("No gaussian sweep with results under " + outputRoot
                    + ": run one first, e.g. submit/sweep jobs/quickstart.conf");
        }
        return build(spark, trials, outputRoot, paperFigures);
    }

    /** The lines of {@code trials} (the gaussian experiment's), written under {@code outputRoot} too. */
    static List<Line> build(SparkSession spark, Dataset<Row> trials, String outputRoot, PaperFigures paperFigures) {
        trials.createOrReplaceTempView("gaussian_trials");
        List<Row> groups = spark.sql("""
                SELECT params.objective, params.noise_magnitude, params.samples, params.dim, params.step_size,
                       params.iterations, params.sample_refresh,
                       count(*), sum(CASE WHEN status = 'diverged' THEN 1 ELSE 0 END),
                       sum(CASE WHEN status IN ('failed', 'retryable') THEN 1 ELSE 0 END),
                       avg(CASE WHEN status = 'done' THEN metrics['traj_mse'] END),
                       stddev(CASE WHEN status = 'done' THEN metrics['traj_mse'] END),
                       avg(CASE WHEN status = 'done' THEN metrics['grad_mse'] END)
                FROM (SELECT *, row_number() OVER (PARTITION BY trial_id ORDER BY started_at) AS copy
                      FROM gaussian_trials)
                WHERE copy = 1
                GROUP BY params.objective, params.noise_magnitude, params.samples, params.dim, params.step_size,
                         params.iterations, params.sample_refresh, params.target, params.start
                """).collectAsList();
        List<Map<String, String>> paper = paperFigures.read(PAPER_FILE, List.of("objective", "M", "n",
                "mean_traj_mse", "std_traj_mse"));
        List<Line> lines = new ArrayList<>();
        for (Row r : groups) {
            String objective = r.getString(0);
            double m = r.getDouble(1);
            int n = r.getInt(2);
            int d = r.getInt(3);
            Map<String, String> ref = d == 5 ? paperRow(paper, objective, m, n) : null;
            lines.add(new Line(setting(n, d), objective, m, n, d, r.getDouble(4), r.getInt(5), r.getString(6),
                    r.getLong(7), r.getLong(8), r.getLong(9), nullable(r, 10), nullable(r, 11), nullable(r, 12),
                    ref == null ? null : Double.valueOf(ref.get("mean_traj_mse")),
                    ref == null ? null : Double.valueOf(ref.get("std_traj_mse"))));
        }
        lines.sort(Comparator.comparing(Line::setting).thenComparing(l -> l.objective().equals("nwj"))
                .thenComparing(Line::objective).thenComparingDouble(Line::noiseMagnitude));
        write(spark, outputRoot, lines);
        return lines;
    }

    /** "table14" (n = 500, d = 5), "table13" (n = 2, d = 5), "figure1" (n = 4000, d = 2), else "n=.., d=..". */
    static String setting(int n, int d) {
        if (d == 5 && n == 500) {
            return "table14";
        } else if (d == 5 && n == 2) {
            return "table13";
        } else if (d == 2 && n == 4000) {
            return "figure1";
        }
        return "n=" + n + ",d=" + d;
    }

    private static Map<String, String> paperRow(List<Map<String, String>> paper, String objective, double m, int n) {
        for (Map<String, String> row : paper) {
            if (!row.get("objective").equalsIgnoreCase(objective) || Integer.parseInt(row.get("n")) != n) {
                continue;
            }
            String paperM = row.get("M");
            if (objective.equals("nwj") || (!paperM.isEmpty() && Double.parseDouble(paperM) == m)) {
                return row;
            }
        }
        return null;
    }

    private static Double nullable(Row r, int i) {
        return r.isNullAt(i) ? null : r.getDouble(i);
    }

    private static void write(SparkSession spark, String outputRoot, List<Line> lines) {
        List<Row> rows = lines.stream().map(l -> RowFactory.create(l.setting(), l.objective(), l.noiseMagnitude(),
                l.samples(), l.dim(), l.stepSize(), l.iterations(), l.sampleRefresh(), l.runs(), l.diverged(),
                l.failed(), l.mean(), l.std(), l.meanGradMse(), l.paperMean(), l.paperStd(), l.relativeDifference(),
                l.verdict().label())).toList();
        ResultFiles.writeAggregatedTable(spark.createDataFrame(rows, SCHEMA), outputRoot, TABLE);
    }
}
