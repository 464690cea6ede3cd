package ebmopt.report;

import ebmopt.config.LoadRequest;
import ebmopt.results.ResultTables;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our TF-Bind ablation studies over the two ablation jobs at their ci scale, reduced (2 seeds,
 * both tasks, three M x K settings, two Q): every rendered cell against means and stds
 * recomputed here from the trials table, the Parquet rows, the Markdown, the curves, and "not
 * run" over results without lebm trials.
 */
class LebmAblationStudyTest {
    private static final double EPS = 1e-12;

    @TempDir
    static Path root;
    @TempDir
    static Path empty;
    private static ReportJob.Result report;
    /** Finished trials: task, M, K, Q, score_p100, score_p50. */
    private static List<Object[]> trials;

    @BeforeAll
    static void ablationSweepsAndReport() {
        SparkSession spark = TestSweeps.spark();
        String out = "output.root=\"" + root + "\"";
        String seeds = "replicate = {from = 0, until = 2}";
        SweepReport mk = SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE,
                Path.of("jobs/lebm-ablation-mk.conf"), "ci", List.of(out, "sweep.grids = ["
                + "{ noise-magnitude = [1, 10], stages = [6], task = [tf-bind-8, tf-bind-10], " + seeds + " }, "
                + "{ noise-magnitude = [10], stages = [2], task = [tf-bind-8, tf-bind-10], " + seeds + " }]"))));
        assertEquals(12, mk.count("done"), mk.toString());
        SweepReport q = SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE,
                Path.of("jobs/lebm-ablation-q.conf"), "ci", List.of(out, "sweep.grids = ["
                + "{ candidates = [2, 8], task = [tf-bind-8, tf-bind-10], " + seeds + " }]"))));
        assertEquals(8, q.count("done"), q.toString());
        report = ReportJob.run(spark, root.toString(), ResultSurfacesTest.reference(), "Reproduced tables", "", "");
        trials = new ArrayList<>();
        for (Row r : ResultTables.read(spark, root.toString(), ResultTables.TRIALS).where("status = 'done'")
                .selectExpr("params.task", "params.noise_magnitude", "params.stages", "params.candidates",
                        "metrics['score_p100']", "metrics['score_p50']").collectAsList()) {
            trials.add(new Object[] {r.getString(0), r.getInt(1), r.getInt(2), r.getInt(3), r.getDouble(4),
                    r.getDouble(5)});
        }
    }

    @Test
    void mkCellsAreTheTrialsMeanAndStdPerSetting() {
        for (String task : List.of("tf-bind-8", "tf-bind-10")) {
            TableResult t = table("lebm-ablation-mk-" + task);
            // the M x K job's configuration (Q = 16); the Q job's trials (Q = 2, 8) are another one
            assertEquals(List.of("M = 1, K = 6", "M = 10, K = 2", "M = 10, K = 6"), t.rows());
            assertEquals(List.of("score_p100", "score_p50"), t.columns());
            for (int[] mk : new int[][] {{1, 6}, {10, 2}, {10, 6}}) {
                checkCells(t, "M = " + mk[0] + ", K = " + mk[1], true, task,
                        x -> (int) x[1] == mk[0] && (int) x[2] == mk[1] && (int) x[3] == 16);
            }
            assertTrue(t.cells().stream().allMatch(c -> c.verdict() == Verdict.NO_PAPER_FIGURE
                    && c.settings().equals("N2CE-LEBM on " + task + ", sampler svgd, Q = 16, 10 iterations; "
                    + "2 other configurations of this task's trials not shown")
                    && c.scale().equals("sweeps: lebm-ablation-mk-ci")), t.cells().toString());
        }
    }

    @Test
    void qCellsIncludeTheMkJobsTrialsOfTheSameConfiguration() {
        for (String task : List.of("tf-bind-8", "tf-bind-10")) {
            TableResult t = table("lebm-ablation-q-" + task);
            // M = 10, K = 6 at ci scale: the Q job's Q = 2, 8 and the M x K job's Q = 16 trials
            assertEquals(List.of("Q = 2", "Q = 8", "Q = 16"), t.columns());
            assertEquals(List.of("score_p100", "score_p50"), t.rows());
            for (int budget : new int[] {2, 8, 16}) {
                checkCells(t, "Q = " + budget, false, task,
                        x -> (int) x[1] == 10 && (int) x[2] == 6 && (int) x[3] == budget);
            }
            assertEquals("sweeps: lebm-ablation-mk-ci, lebm-ablation-q-ci", t.cells().get(0).scale());
        }
    }

    @Test
    void theCellsAreParquetAndMarkdownWithRunCounts() throws IOException {
        SparkSession spark = TestSweeps.spark();
        List<Row> rows = spark.read().parquet(root + "/tables/reproduced")
                .where("table_id = 'lebm-ablation-mk-tf-bind-10'").collectAsList();
        assertEquals(6, rows.size());
        Cell first = ReportJob.cell(rows.stream().filter(r -> r.getString(2).equals("M = 1, K = 6")
                && r.getString(3).equals("score_p100")).findFirst().orElseThrow());
        Stats s = stats("tf-bind-10", 4, x -> (int) x[1] == 1 && (int) x[2] == 6 && (int) x[3] == 16);
        assertEquals(s.mean, first.oursMean(), EPS);
        assertNull(first.paperMean());
        assertEquals("no paper figure", rows.get(0).getString(13));

        String md = Files.readString(root.resolve("report/report.md"));
        assertTrue(md.contains("## Ours: N2CE-LEBM M x K ablation on TF-Bind-8 (no paper figure)\n"), "section");
        assertTrue(md.contains("No paper figure: the paper runs this ablation on other tasks only"), "caption");
        Stats p50 = stats("tf-bind-8", 5, x -> (int) x[1] == 10 && (int) x[2] == 2 && (int) x[3] == 16);
        Stats p100 = stats("tf-bind-8", 4, x -> (int) x[1] == 10 && (int) x[2] == 2 && (int) x[3] == 16);
        String line = "| M = 10, K = 2 | " + text(p100) + " | " + text(p50) + " |";
        assertTrue(md.contains(line), "no line " + line + " in\n" + md);
        assertTrue(md.lines().anyMatch(l -> l.matches("\\| score +\\| Q = 2 +\\| Q = 8 +\\| Q = 16 +\\|")),
                "the Q table's header");
        String html = Files.readString(root.resolve("report/index.html"));
        assertTrue(html.contains("<th>setting</th><th>score_p100</th><th>score_p50</th>"), "the HTML grid");
    }

    @Test
    void curvesHaveOneLinePerTaskWithStdErrorBars() throws IOException {
        ReportContext context = new ReportContext(TestSweeps.spark(), root.toString(),
                ResultSurfacesTest.reference());
        LebmAblationStudy mk = new LebmAblationStudy(LebmAblation.MK, "tf-bind-10");
        List<Charts.Line> m = mk.curve(context, 0);
        assertEquals(List.of("TF-Bind-8 (K = 6)", "TF-Bind-10 (K = 6)"), m.stream().map(Charts.Line::name).toList());
        assertArrayEquals(new double[] {1, 10}, m.get(0).x());
        Stats at10 = stats("tf-bind-8", 4, x -> (int) x[1] == 10 && (int) x[2] == 6 && (int) x[3] == 16);
        assertEquals(at10.mean, m.get(0).y()[1], EPS);
        assertEquals(at10.std, m.get(0).errors()[1], EPS);
        // K varies only at M = 10 (K = 2 and 6)
        List<Charts.Line> k = mk.curve(context, 1);
        assertEquals("TF-Bind-10 (M = 10)", k.get(1).name());
        assertArrayEquals(new double[] {2, 6}, k.get(1).x());
        for (String png : List.of("lebm-ablation-mk-m-curve.png", "lebm-ablation-mk-k-curve.png",
                "lebm-ablation-q-q-curve.png")) {
            byte[] bytes = Files.readAllBytes(root.resolve("report").resolve(png));
            assertNotNull(ImageIO.read(new ByteArrayInputStream(bytes)), png);
            assertTrue(Files.readString(root.resolve("report/report.md")).contains("](" + png + ")"), png);
        }
        // the curves belong to the last task's study only
        assertTrue(table("lebm-ablation-mk-tf-bind-8").plots().isEmpty());
        assertEquals(2, table("lebm-ablation-mk-tf-bind-10").plots().size());
    }

    @Test
    void withoutLebmTrialsEveryStudyIsNotRun() {
        ReportContext context = new ReportContext(TestSweeps.spark(), empty.toString(),
                ResultSurfacesTest.reference());
        List<TableResult> tables = new ArrayList<>();
        for (LebmAblation a : List.of(LebmAblation.MK, LebmAblation.Q)) {
            for (String task : LebmAblationStudy.TASKS) {
                LebmAblationStudy study = new LebmAblationStudy(a, task);
                List<Cell> cells = study.cells(context);
                assertTrue(cells.isEmpty());
                assertTrue(study.plots(context, cells).isEmpty());
                tables.add(new TableResult(study, cells, List.of()));
            }
        }
        String md = MarkdownReport.render(new ReportInfo("r", "now", empty.toString(), List.of(), List.of(), "", ""),
                tables);
        assertTrue(md.contains("<details><summary><b>Ours: N2CE-LEBM Q ablation on TF-Bind-8 (no paper figure)</b>: "
                + "not run: `submit/sweep jobs/lebm-ablation-q.conf`</summary>\n\nOur Q ablation of N2CE-LEBM on "
                + "TF-Bind-8"), md);
        assertEquals(4, md.split("<details>", -1).length - 1, md);
        assertTrue(md.contains("0 of 4 tables have results of ours; 4 tables not run yet."), md);
    }

    private static void checkCells(TableResult t, String setting, boolean settingIsRow, String task,
                                   Predicate<Object[]> selects) {
        for (int s = 0; s < 2; s++) {
            String score = s == 0 ? "score_p100" : "score_p50";
            Stats expected = stats(task, 4 + s, selects);
            assertEquals(2, expected.runs, setting);
            Cell c = t.cells().stream().filter(x -> x.row().equals(settingIsRow ? setting : score)
                    && x.column().equals(settingIsRow ? score : setting)).findFirst().orElseThrow();
            assertEquals(expected.mean, c.oursMean(), EPS, c.key());
            assertEquals(expected.std, c.oursStd(), EPS, c.key());
            assertEquals(expected.runs, c.runs(), c.key());
            assertEquals(0, c.failed());
        }
    }

    /** Mean and sample std of column {@code column} over the finished trials of {@code task} that {@code selects}. */
    private static Stats stats(String task, int column, Predicate<Object[]> selects) {
        List<Double> v = trials.stream().filter(x -> x[0].equals(task) && selects.test(x)).map(x -> (Double) x[column])
                .toList();
        double mean = v.stream().mapToDouble(Double::doubleValue).sum() / v.size();
        double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return new Stats(mean, Math.sqrt(ss / (v.size() - 1)), v.size());
    }

    private static String text(Stats s) {
        return String.format(Locale.ROOT, "%.3f ± %.3f (%d runs)", s.mean, s.std, s.runs);
    }

    private static TableResult table(String id) {
        return report.tables().stream().filter(t -> t.table().id().equals(id)).findFirst().orElseThrow();
    }

    private record Stats(double mean, double std, long runs) {
    }
}
