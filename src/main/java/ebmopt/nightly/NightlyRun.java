package ebmopt.nightly;

import ebmopt.config.LoadRequest;
import ebmopt.report.Cell;
import ebmopt.report.Html;
import ebmopt.report.PaperFigures;
import ebmopt.report.ReportJob;
import ebmopt.report.TableResult;
import ebmopt.results.ResultFiles;
import ebmopt.results.ResultTables;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One nightly reproduction run. Runs every job of the selection (at its reduced scale) into
 * {@code output.root/nightly/<date>/}, builds the report there (report/index.html, with the
 * comparison as its first section), compares each cell with the paper and with the latest
 * earlier night, writes {@code summary.txt} and {@code comparison.md} beside it, appends a line
 * to {@code output.root/nightly/history.csv}, and returns exit code {@link #EXIT_REGRESSION}
 * on a regression. A night run again the same date resumes (its trials are already committed).
 */
public final class NightlyRun {
    public static final int EXIT_REGRESSION = 3;
    public static final String DIR = "nightly";
    public static final String HISTORY = "history.csv";

    private NightlyRun() {
    }

    /**
     * What to run.
     *
     * @param profile      the configuration profile (as --conf)
     * @param selection    the nightly selection file (jobs/nightly.conf)
     * @param overrides    --set overrides, applied to every job (output.root is the base of the nightly folders)
     * @param date         the night
     * @param baseRoot     output.root: the nightly writes under baseRoot/nightly/date
     * @param paperFigures the papers' tables
     */
    public record Request(String profile, java.nio.file.Path selection, List<String> overrides, LocalDate date,
                          String baseRoot, PaperFigures paperFigures) {
    }

    /** The night's result: its exit code, the one-screen summary, where it went, what was found. */
    public record Outcome(int exitCode, String summary, String nightDir, List<Finding> findings) {
    }

    public static Outcome run(SparkSession spark, Request request, PrintStream out) {
        long start = System.nanoTime();
        NightlySelection selection = NightlySelection.read(request.selection());
        String nightlyDir = request.baseRoot() + "/" + DIR;
        String night = nightlyDir + "/" + request.date();
        long[] trials = new long[3];
        List<String> codeVersions = new ArrayList<>();
        for (java.nio.file.Path job : selection.jobs()) {
            List<String> overrides = new ArrayList<>(request.overrides());
            overrides.add("output.root=\"" + night + "\"");
            SweepPlan plan = SweepPlan.load(new LoadRequest(request.profile(), job, selection.scaleOf(job), overrides));
            out.println("[nightly " + request.date() + "] " + plan.sweepName() + ": " + plan.trials().size() + " trials");
            SweepReport report = SweepRunner.run(spark, plan);
            trials[0] += report.count("done");
            trials[1] += report.count("failed") + report.count("retryable");
            trials[2] += report.count("diverged");
        }
        List<TableResult> tables = ReportJob.build(spark, night, request.paperFigures());
        List<Cell> tonight = tables.stream().flatMap(t -> t.cells().stream()).toList();
        String previous = NightArchive.previousNight(spark, nightlyDir, request.date());
        List<Cell> before = previous == null ? List.of() : NightArchive.cells(spark, nightlyDir + "/" + previous);
        List<Finding> findings = NightlyComparison.compare(tonight, before);
        List<Finding> regressions = findings.stream().filter(f -> f.kind().regression()).toList();
        if (!ResultTables.sweeps(spark, night).isEmpty()) {
            codeVersions.addAll(spark.sql("SELECT DISTINCT code_version FROM report_trials ORDER BY 1")
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        }
        double wall = (System.nanoTime() - start) / 1e9;

        String summary = NightlySummary.render(request.date(), previous, tonight, findings, trials, wall, night, nightlyDir);
        String comparison = ComparisonPages.markdown(previous, findings);
        ReportJob.write(spark, night, tables, "Nightly reproduction " + request.date(),
                "## Nightly comparison\n\n```\n" + summary + "```\n\n" + comparison,
                "<h2>Nightly comparison</h2>\n<pre>" + Html.escape(summary) + "</pre>\n"
                        + ComparisonPages.html(previous, findings));
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        ResultFiles.write(night + "/summary.txt", summary, hadoop);
        ResultFiles.write(night + "/comparison.md", "# Nightly " + request.date() + ": comparison\n\n"
                + NightlyComparison.RULE + "\n\n" + comparison, hadoop);
        NightArchive.appendHistory(spark, nightlyDir, request.date(), (int) NightlySummary.regressedCells(findings), tonight, trials, wall, previous,
                String.join(" ", codeVersions));
        out.print(summary);
        return new Outcome(regressions.isEmpty() ? 0 : EXIT_REGRESSION, summary, night, findings);
    }
}
