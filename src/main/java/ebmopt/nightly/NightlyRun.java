package ebmopt.nightly;

import ebmopt.config.LoadRequest;
import ebmopt.report.Cell;
import ebmopt.report.ReportJob;
import ebmopt.report.TableResult;
import ebmopt.report.Verdict;
import ebmopt.results.ResultTables;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private static final String HISTORY_HEADER = "date,result,regressions,cells_run,reproduced,better,worse,"
            + "no_paper_figure,not_run,trials_done,trials_failed,trials_diverged,wall_s,previous,code_version\n";
    private static final int SCREEN_LINES = 12;

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
     * @param referenceDir the papers' tables
     */
    public record Request(String profile, java.nio.file.Path selection, List<String> overrides, LocalDate date,
                          String baseRoot, java.nio.file.Path referenceDir) {
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
        List<TableResult> tables = ReportJob.build(spark, night, request.referenceDir());
        List<Cell> tonight = tables.stream().flatMap(t -> t.cells().stream()).toList();
        String previous = previousNight(spark, nightlyDir, request.date());
        List<Cell> before = previous == null ? List.of() : cells(spark, nightlyDir + "/" + previous);
        List<Finding> findings = NightlyComparison.compare(tonight, before);
        List<Finding> regressions = findings.stream().filter(f -> f.kind().regression()).toList();
        if (!ResultTables.sweeps(spark, night).isEmpty()) {
            codeVersions.addAll(spark.sql("SELECT DISTINCT code_version FROM report_trials ORDER BY 1")
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        }
        double wall = (System.nanoTime() - start) / 1e9;

        String summary = summary(request.date(), previous, tonight, findings, trials, wall, night, nightlyDir);
        String comparison = comparison(previous, findings);
        ReportJob.write(spark, night, tables, "Nightly reproduction " + request.date(),
                "## Nightly comparison\n\n```\n" + summary + "```\n\n" + comparison,
                "<h2>Nightly comparison</h2>\n<pre>" + esc(summary) + "</pre>\n" + comparisonHtml(previous, findings));
        ReportJob.write(spark, night + "/summary.txt", summary.getBytes(StandardCharsets.UTF_8));
        ReportJob.write(spark, night + "/comparison.md", ("# Nightly " + request.date() + ": comparison\n\n"
                + NightlyComparison.RULE + "\n\n" + comparison).getBytes(StandardCharsets.UTF_8));
        appendHistory(spark, nightlyDir, request.date(), (int) regressedCells(findings), tonight, trials, wall, previous,
                String.join(" ", codeVersions));
        out.print(summary);
        return new Outcome(regressions.isEmpty() ? 0 : EXIT_REGRESSION, summary, night, findings);
    }

    /** The one-screen summary. */
    static String summary(LocalDate date, String previous, List<Cell> cells, List<Finding> findings, long[] trials,
                          double wall, String night, String nightlyDir) {
        List<Finding> regressions = findings.stream().filter(f -> f.kind().regression()).toList();
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, 0);
        }
        cells.forEach(c -> n.merge(c.verdict(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        long cellsRegressed = regressedCells(findings);
        s.append("Nightly reproduction ").append(date).append(": ").append(regressions.isEmpty() ? "OK, no regression"
                : "REGRESSION in " + cellsRegressed + " cell" + (cellsRegressed == 1 ? "" : "s") + " ("
                + regressions.size() + " finding" + (regressions.size() == 1 ? "" : "s") + ")").append('\n');
        s.append("Compared with: the paper, and ").append(previous == null ? "no previous night (the first)"
                : "the night of " + previous).append('\n');
        s.append(String.format(Locale.ROOT, "Cells: %d run (%d reproduced, %d better, %d worse, %d no paper figure), "
                        + "%d not run; trials: %d done, %d failed, %d diverged; %.0f s%n",
                cells.size() - n.get(Verdict.NOT_RUN), n.get(Verdict.REPRODUCED), n.get(Verdict.BETTER),
                n.get(Verdict.WORSE), n.get(Verdict.NO_PAPER_FIGURE), n.get(Verdict.NOT_RUN), trials[0], trials[1],
                trials[2], wall));
        if (!regressions.isEmpty()) {
            Map<String, List<Finding>> byCell = new LinkedHashMap<>();
            regressions.forEach(f -> byCell.computeIfAbsent(f.tonight().key(), k -> new ArrayList<>()).add(f));
            s.append("Regressed (ours vs paper, previous night -> what):\n");
            byCell.values().stream().limit(SCREEN_LINES).forEach(f -> s.append("  ")
                    .append(NightlyComparison.describeCell(f, previous)).append('\n'));
            if (byCell.size() > SCREEN_LINES) {
                s.append("  ... and ").append(byCell.size() - SCREEN_LINES).append(" more cells (comparison.md)\n");
            }
        }
        long known = findings.stream().filter(f -> f.kind() == Finding.Kind.STILL_WORSE_THAN_PAPER).count();
        long better = findings.stream().filter(f -> f.kind() == Finding.Kind.BETTER_THAN_PREVIOUS).count();
        if (known + better > 0) {
            s.append("Not failing: ").append(known).append(" cells still worse than the paper (known), ").append(better)
                    .append(" better than the previous night\n");
        }
        s.append("Report: ").append(night).append("/report/index.html; history: ").append(nightlyDir).append('/')
                .append(HISTORY).append('\n');
        return s.toString();
    }

    /** Distinct cells with at least one regression. */
    static long regressedCells(List<Finding> findings) {
        return findings.stream().filter(f -> f.kind().regression()).map(f -> f.tonight().key()).distinct().count();
    }

    private static String comparison(String previous, List<Finding> findings) {
        if (findings.isEmpty()) {
            return "Every cell that ran is within the paper's tolerance"
                    + (previous == null ? "" : " and within the night-to-night tolerance of " + previous) + ".\n";
        }
        StringBuilder s = new StringBuilder("| finding | regression | cell |\n| --- | --- | --- |\n");
        for (Finding f : findings) {
            s.append("| ").append(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                    .append(f.kind().regression() ? "yes" : "no").append(" | ")
                    .append(NightlyComparison.describe(f, previous).replace("|", "/")).append(" |\n");
        }
        return s.toString();
    }

    private static String comparisonHtml(String previous, List<Finding> findings) {
        StringBuilder s = new StringBuilder("<p>").append(esc(NightlyComparison.RULE)).append("</p>\n");
        if (findings.isEmpty()) {
            return s.append("<p>").append(esc(comparison(previous, findings))).append("</p>\n").toString();
        }
        s.append("<table><tr><th>finding</th><th>regression</th><th>cell</th></tr>\n");
        for (Finding f : findings) {
            s.append("<tr class=\"").append(f.kind().regression() ? "worse" : "reproduced").append("\"><td>")
                    .append(esc(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</td><td>")
                    .append(f.kind().regression() ? "yes" : "no").append("</td><td>")
                    .append(esc(NightlyComparison.describe(f, previous))).append("</td></tr>\n");
        }
        return s.append("</table>\n").toString();
    }

    /** The latest night before {@code date} whose report table exists; null if none. */
    static String previousNight(SparkSession spark, String nightlyDir, LocalDate date) {
        try {
            Path dir = new Path(nightlyDir);
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return null;
            }
            String best = null;
            for (FileStatus s : fs.listStatus(dir)) {
                String name = s.getPath().getName();
                if (s.isDirectory() && name.matches("\\d{4}-\\d{2}-\\d{2}") && name.compareTo(date.toString()) < 0
                        && fs.exists(new Path(s.getPath(), ResultTables.TABLES_DIR + "/" + ReportJob.TABLE + "/_SUCCESS"))
                        && (best == null || name.compareTo(best) > 0)) {
                    best = name;
                }
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + nightlyDir, e);
        }
    }

    private static List<Cell> cells(SparkSession spark, String night) {
        List<Cell> cells = new ArrayList<>();
        for (Row r : spark.read().schema(ReportJob.SCHEMA).parquet(night + "/" + ResultTables.TABLES_DIR + "/"
                + ReportJob.TABLE).collectAsList()) {
            cells.add(ReportJob.cell(r));
        }
        return cells;
    }

    private static void appendHistory(SparkSession spark, String nightlyDir, LocalDate date, int regressions,
                                      List<Cell> cells, long[] trials, double wall, String previous, String code) {
        Path file = new Path(nightlyDir, HISTORY);
        try {
            FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
            String text = HISTORY_HEADER;
            if (fs.exists(file)) {
                try (FSDataInputStream in = fs.open(file)) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Map<Verdict, Long> n = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                n.put(v, cells.stream().filter(c -> c.verdict() == v).count());
            }
            text += String.join(",", date.toString(), regressions == 0 ? "ok" : "regression",
                    String.valueOf(regressions), String.valueOf(cells.size() - n.get(Verdict.NOT_RUN)),
                    String.valueOf(n.get(Verdict.REPRODUCED)), String.valueOf(n.get(Verdict.BETTER)),
                    String.valueOf(n.get(Verdict.WORSE)), String.valueOf(n.get(Verdict.NO_PAPER_FIGURE)),
                    String.valueOf(n.get(Verdict.NOT_RUN)), String.valueOf(trials[0]), String.valueOf(trials[1]),
                    String.valueOf(trials[2]), String.format(Locale.ROOT, "%.0f", wall),
                    previous == null ? "" : previous, code.replace(',', ' ')) + "\n";
            ReportJob.write(spark, file.toString(), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file, e);
        }
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
