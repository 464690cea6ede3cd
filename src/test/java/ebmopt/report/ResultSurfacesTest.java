package ebmopt.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ebmopt.config.LoadRequest;
import ebmopt.results.ResultTables;
import ebmopt.results.ViewScripts;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The result surfaces over real result tables from small sweeps of every experiment in one
 * output root (Table 14's job with 3 runs per row, Figure 1 at its ci scale, one COMs and one
 * N2CE-LEBM trial on Branin): the tables job (Parquet, HTML with PNG plots, Markdown twin),
 * the spark-sql view script, SQL across experiments and every Zeppelin note's SQL.
 */
class ResultSurfacesTest {
    private static final String GAUSSIAN_CANDIDATES = "SELECT c.* FROM candidates c JOIN trials t "
            + "ON c.trial_id = t.trial_id WHERE t.experiment = 'gaussian'";
    private static final Pattern FORM = Pattern.compile("\\$\\{([^=}]+)=([^,}]*)(,[^}]*)?}");

    @TempDir
    static Path root;
    private static ReportJob.Result report;

    @BeforeAll
    static void smallSweepAndReport() {
        SparkSession spark = TestSweeps.spark();
        String out = "output.root=\"" + root + "\"";
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE,
                Path.of("jobs/gaussian-table14-n500.conf"), null, List.of(out, "sweep.grids = [{ objective = [n2ce], "
                + "noise-magnitude = [1, 10, 100, 1000], replicate = {from = 0, until = 3} }, "
                + "{ objective = [nwj], replicate = {from = 0, until = 3} }]"))));
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/gaussian-figure1.conf"),
                "ci", List.of(out))));
        // One trial of each other experiment in the same root: their params share names with other types
        // (coms' start is a word, gaussian's a list of numbers; lebm's noise-magnitude an integer).
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/coms-branin.conf"),
                "ci", List.of(out, "sweep.grids = [{ task = [branin-50], alpha-mode = [fixed], alpha = [0] }]"))));
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-branin.conf"),
                "ci", List.of(out, "sweep.grids = [{ task = [branin-50] }]", "params.iterations = 10"))));
        report = ReportJob.run(spark, root.toString(), reference(), "Reproduced tables", "", "");
    }

    /** The papers' tables the report tests compare with: the bundled ones. */
    static PaperFigures reference() {
        return PaperFigures.bundled();
    }

    @Test
    void theReportShowsOursBesideThePaperWithVerdictsSettingsAndPlots() throws IOException {
        String html = Files.readString(root.resolve("report/index.html"));
        String md = Files.readString(root.resolve("report/report.md"));
        for (String text : List.of(html, md)) {
            assertTrue(text.contains("Table 14: Gaussian location family"), "table 14 missing");
            assertTrue(text.contains("Table 7: design-bench"), "table 7 missing");
            assertTrue(text.contains(Html.escape(Verdict.RULE)) || text.contains(Verdict.RULE),
                    "the verdict rule is not stated");
            assertTrue(text.contains("n = 500, d = 5, eta = 0.2, T = 150"), "the settings of ours are not shown");
            assertTrue(text.contains("3 runs; sweeps: gaussian-table14-n500"), "the scale of ours is not shown");
        }
        TableResult t14 = report.tables().stream().filter(t -> t.table().id().equals("table14")).findFirst()
                .orElseThrow();
        // M = 1, 10, 100, 1000 and NWJ ran (3 runs each, well inside the paper's band); 50, 1e4, 2e4, 1e9 did not.
        assertEquals(5, t14.counts().get(Verdict.REPRODUCED), t14.cells().toString());
        assertEquals(4, t14.counts().get(Verdict.NOT_RUN));
        TableResult t7 = report.tables().stream().filter(t -> t.table().id().equals("table7")).findFirst().orElseThrow();
        assertEquals(86, t7.cells().size());
        assertTrue(t7.cells().stream().allMatch(c -> c.verdict() == Verdict.NOT_RUN));

        assertEquals(List.of(), ReportPageCheck.problems(root.resolve("report/index.html")));
        List<String> images = new ArrayList<>();
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            images.add(m.group(1));
        }
        assertTrue(images.containsAll(List.of("table14-m-curve.png", "table14-learning-curves.png",
                "figure1-learning-curves.png", "table7-task-bars.png", "ablation-m-m-curve.png",
                "ablation-k-k-curve.png", "ablation-q-q-curve.png")), images.toString());
        for (String image : images) {
            byte[] png = Files.readAllBytes(root.resolve("report").resolve(image));
            assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4), image);
            assertTrue(png.length > 5_000, image + " is suspiciously small");
            assertTrue(md.contains("](" + image + ")"), "the Markdown twin lacks " + image);
        }
    }

    @Test
    void theReproducedTableIsParquetWithEveryCell() {
        SparkSession spark = TestSweeps.spark();
        List<Row> rows = spark.read().parquet(root + "/tables/reproduced")
                .where("table_id = 'table14' AND verdict = 'reproduced'").collectAsList();
        assertEquals(5, rows.size());
        long total = report.tables().stream().mapToLong(t -> t.cells().size()).sum();
        assertEquals(total, spark.read().parquet(root + "/tables/reproduced").count());
    }

    @Test
    void theViewScriptMakesNamedTablesInAPlainSession() throws IOException {
        SparkSession plain = TestSweeps.spark().newSession();
        String script = Files.readString(root.resolve(ViewScripts.SQL_FILE));
        for (String statement : script.split(";\n")) {
            String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
            if (!sql.isEmpty()) {
                plain.sql(sql);
            }
        }
        assertEquals(ResultTables.read(TestSweeps.spark(), root.toString(), ResultTables.TRIALS).count(),
                plain.sql("SELECT * FROM trials").count());
        assertTrue(plain.sql("SELECT * FROM curves WHERE metric = 'sq_dist'").count() > 0);
        // The Gaussian experiments propose no designs; the COMs and LEBM trials do.
        assertEquals(0L, plain.sql(GAUSSIAN_CANDIDATES).count());
        assertTrue(plain.sql("SELECT * FROM candidates").count() > 0);
        assertEquals(ResultTables.read(TestSweeps.spark(), root.toString(), ResultTables.TRIALS)
                .where("experiment = 'gaussian'").count(), plain.sql("SELECT * FROM gaussian_trials").count());
        assertEquals(List.of("trial_id", "sweep", "idx", "design", "score", "normalised", "commit_id"),
                List.of(plain.table("candidates").columns()));
        assertEquals(1, plain.sql("SELECT * FROM reproduced WHERE table_id = 'table14' AND row_label = 'N2CE, M = 100'")
                .count());
        assertTrue(Files.readString(root.resolve(ViewScripts.SCALA_FILE)).contains("spark.sql"));
    }

    @Test
    void everyZeppelinNoteParsesAndItsSqlRunsOnRealResultTables() throws IOException {
        SparkSession spark = TestSweeps.spark();
        List<String> views = ResultTables.registerViews(spark, root.toString());
        assertTrue(views.containsAll(List.of("trials", "curves", "candidates", "reproduced", "gaussian")),
                views.toString());
        assertEquals(0L, spark.sql(GAUSSIAN_CANDIDATES).count());
        List<Path> notes;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            notes = files.filter(p -> p.toString().endsWith(".zpln")).sorted().toList();
        }
        assertEquals(6, notes.size(), notes.toString());
        ObjectMapper json = new ObjectMapper();
        int ran = 0;
        for (Path note : notes) {
            JsonNode doc = json.readTree(Files.readString(note, StandardCharsets.UTF_8));
            assertTrue(doc.path("name").asText().startsWith("ebm-opt/"), note + ": name");
            assertFalse(doc.path("id").asText().isEmpty(), note + ": id");
            assertTrue(doc.path("config").isObject() && doc.path("info").isObject(), note + ": config, info");
            JsonNode paragraphs = doc.path("paragraphs");
            assertTrue(paragraphs.isArray() && paragraphs.size() > 2, note + ": paragraphs");
            int sql = 0;
            for (JsonNode p : paragraphs) {
                String text = p.path("text").asText();
                assertFalse(p.path("id").asText().isEmpty(), note + ": a paragraph without id");
                assertTrue(p.path("config").isObject(), note + ": a paragraph without config");
                if (!text.startsWith("%sql")) {
                    continue;
                }
                String title = p.path("title").asText();
                String query = withFormDefaults(text.substring("%sql".length()).trim());
                List<Row> rows;
                try {
                    rows = spark.sql(query).collectAsList();
                } catch (RuntimeException e) {
                    throw new AssertionError(note.getFileName() + " / " + title + " fails: " + e.getMessage(), e);
                }
                if (!title.contains("(may be empty)")) {
                    assertFalse(rows.isEmpty(), note.getFileName() + " / " + title + " returned no rows");
                }
                sql++;
            }
            assertTrue(sql > 0, note + " has no SQL paragraph");
            assertTrue(paragraphs.toString().contains("createOrReplaceTempView"), note + " lacks the setup paragraph");
            ran += sql;
        }
        assertTrue(ran >= 20, "only " + ran + " SQL paragraphs");
    }

    @Test
    void oneRootHoldsEveryExperimentAndEachKeepsItsParameterTypes() {
        SparkSession spark = TestSweeps.spark();
        List<String> views = ResultTables.registerViews(spark, root.toString());
        assertTrue(views.containsAll(List.of("trials", "gaussian_trials", "coms_trials", "lebm_trials")),
                views.toString());
        List<Row> sweeps = spark.sql("SELECT sweep, experiment, count(*) FROM trials GROUP BY 1, 2 ORDER BY 1")
                .collectAsList();
        assertEquals(List.of("coms-branin-ci", "gaussian-figure1-ci", "gaussian-table14-n500", "lebm-branin-ci"),
                sweeps.stream().map(r -> r.getString(0)).toList());
        // Across experiments a clashing name is text; each experiment's view keeps its own type.
        assertEquals("string", paramType(spark, "trials", "start"));
        assertEquals("array", paramType(spark, "gaussian_trials", "start"));
        assertEquals("integer", paramType(spark, "lebm_trials", "noise_magnitude"));
        assertEquals("[1.5,0.75,0.0,-0.75,-1.5]", spark.sql("SELECT params.start FROM trials WHERE sweep = "
                + "'gaussian-table14-n500' LIMIT 1").first().getString(0));
        assertEquals(spark.sql("SELECT params.start FROM coms_trials").first().getString(0),
                spark.sql("SELECT params.start FROM trials WHERE experiment = 'coms'").first().getString(0));
        assertEquals(100.0, spark.sql("SELECT params.noise_magnitude FROM trials WHERE experiment = 'lebm'")
                .first().getDouble(0));
    }

    private static String paramType(SparkSession spark, String view, String param) {
        return ((StructType) spark.table(view).schema().apply("params").dataType()).apply(param).dataType().typeName();
    }

    /** Zeppelin's dynamic forms ${name=default} and ${name=default,a|b}, replaced by their defaults. */
    static String withFormDefaults(String sql) {
        Matcher m = FORM.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
