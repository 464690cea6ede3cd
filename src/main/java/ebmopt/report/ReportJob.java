package ebmopt.report;

import ebmopt.results.ResultFiles;
import ebmopt.results.ResultLayout;
import ebmopt.results.ResultTables;
import ebmopt.results.ViewScripts;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables job: builds every reproduced table of {@link ReproducedTables} from the result
 * tables under an output root and writes, under it,
 * <pre>
 * tables/reproduced/        every cell, ours beside the paper's, as Parquet (SQL view "reproduced")
 * tables/gaussian/          the Gaussian aggregation (GaussianTables), when Gaussian trials exist
 * report/index.html         the report; report/report.md its Markdown twin; report/*.png its plots
 * views.sql, views.scala    the result tables as named views for spark-sql and spark-shell
 * </pre>
 */
public final class ReportJob {
    public static final String TABLE = "reproduced";
    public static final String REPORT_DIR = "report";

    public static final StructType SCHEMA = new StructType()
            .add("table_id", DataTypes.StringType)
            .add("table_title", DataTypes.StringType)
            .add("row_label", DataTypes.StringType)
            .add("column_label", DataTypes.StringType)
            .add("row_order", DataTypes.IntegerType)
            .add("ours_mean", DataTypes.DoubleType)
            .add("ours_std", DataTypes.DoubleType)
            .add("runs", DataTypes.LongType)
            .add("failed", DataTypes.LongType)
            .add("paper_mean", DataTypes.DoubleType)
            .add("paper_std", DataTypes.DoubleType)
            .add("z", DataTypes.DoubleType)
            .add("relative_difference", DataTypes.DoubleType)
            .add("verdict", DataTypes.StringType)
            .add("higher_is_better", DataTypes.BooleanType)
            .add("settings", DataTypes.StringType)
            .add("scale", DataTypes.StringType)
            // After the others: earlier nights' tables, read with this schema, have it as null.
            .add("paper_runs", DataTypes.IntegerType)
            .add("tolerance", DataTypes.DoubleType);

    private ReportJob() {
    }

    /** What was built and where. */
    public record Result(List<TableResult> tables, String reportDir, String markdown) {
    }

    /** Builds and writes everything from the results under {@code outputRoot} alone. */
    public static Result run(SparkSession spark, String outputRoot, PaperFigures paperFigures, String title,
                             String preambleMarkdown, String preambleHtml) {
        return run(spark, outputRoot, "", paperFigures, title, preambleMarkdown, preambleHtml);
    }

    /**
     * Builds and writes everything (the tables job) from the results under {@code outputRoot}
     * and the published ones under {@code publishedDir} (empty: none).
     */
    public static Result run(SparkSession spark, String outputRoot, String publishedDir, PaperFigures paperFigures,
                             String title, String preambleMarkdown, String preambleHtml) {
        ReportContext context = new ReportContext(spark, outputRoot, publishedDir, paperFigures);
        return write(spark, outputRoot, build(context), title, preambleMarkdown, preambleHtml,
                context.publishedSweeps());
    }

    /** Builds every reproduced table (cells and plots) from the results under {@code outputRoot}. */
    public static List<TableResult> build(SparkSession spark, String outputRoot, PaperFigures paperFigures) {
        return build(new ReportContext(spark, outputRoot, paperFigures));
    }

    private static List<TableResult> build(ReportContext context) {
        List<TableResult> tables = new ArrayList<>();
        for (ReproducedTable table : ReproducedTables.all()) {
            List<Cell> cells = table.cells(context);
            tables.add(new TableResult(table, cells, table.plots(context, cells)));
        }
        return tables;
    }

    /** Writes the Parquet table, the HTML report with its plots, its Markdown twin and the view scripts. */
    public static Result write(SparkSession spark, String outputRoot, List<TableResult> tables, String title,
                               String preambleMarkdown, String preambleHtml) {
        return write(spark, outputRoot, tables, title, preambleMarkdown, preambleHtml, List.of());
    }

    /** {@link #write}, listing {@code publishedSweeps} among the sweeps read. */
    private static Result write(SparkSession spark, String outputRoot, List<TableResult> tables, String title,
                                String preambleMarkdown, String preambleHtml, List<String> publishedSweeps) {
        ResultFiles.writeAggregatedTable(spark.createDataFrame(rows(tables), SCHEMA), outputRoot, TABLE);
        List<String> sweeps = new ArrayList<>(ResultTables.sweeps(spark, outputRoot).stream()
                .map(s -> new Path(s.sweepDir()).getName()).toList());
        sweeps.addAll(publishedSweeps);
        List<String> versions = sweeps.isEmpty() ? List.of() : spark.sql("SELECT DISTINCT code_version FROM "
                + ReportContext.TRIALS_VIEW + " ORDER BY 1").as(Encoders.STRING()).collectAsList();
        ReportInfo info = new ReportInfo(title, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), outputRoot,
                versions, List.copyOf(sweeps), preambleMarkdown, preambleHtml);
        String reportDir = outputRoot + "/" + REPORT_DIR;
        String markdown = MarkdownReport.render(info, tables);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        ResultFiles.write(reportDir + "/index.html", HtmlReport.render(info, tables), hadoop);
        ResultFiles.write(reportDir + "/report.md", markdown, hadoop);
        for (TableResult t : tables) {
            for (Plot p : t.plots()) {
                ResultFiles.write(reportDir + "/" + p.fileName(), p.png(), hadoop);
            }
        }
        ViewScripts.write(spark, outputRoot);
        return new Result(tables, reportDir, markdown);
    }

    /** The cells as rows of {@link #SCHEMA}. */
    public static List<Row> rows(List<TableResult> tables) {
        List<Row> rows = new ArrayList<>();
        for (TableResult t : tables) {
            for (Cell c : t.cells()) {
                Verdict.Tolerance tolerance = c.tolerance();
                rows.add(RowFactory.create(c.table(), t.table().title(), c.row(), c.column(), c.order(), c.oursMean(),
                        c.oursStd(), c.runs(), c.failed(), c.paperMean(), c.paperStd(), c.z(), c.relativeDifference(),
                        c.verdict().label(), c.higherIsBetter(), c.settings(), c.scale(), c.paperRuns(),
                        tolerance == null ? null : tolerance.halfWidth()));
            }
        }
        return rows;
    }

    /** A cell back from a row of {@link #SCHEMA} (the nightly reads the previous night's this way). */
    public static Cell cell(Row r) {
        return new Cell(r.getString(0), r.getString(2), r.getString(3), r.getInt(4), nullable(r, 5), nullable(r, 6),
                r.getLong(7), r.getLong(8), nullable(r, 9), nullable(r, 10), r.isNullAt(17) ? 0 : r.getInt(17),
                r.getBoolean(14), r.getString(15), r.getString(16), RowParameters.NONE);
    }

    private static Double nullable(Row r, int i) {
        return r.isNullAt(i) ? null : r.getDouble(i);
    }
}
