package ebmopt.docs;

import ebmopt.cli.Main;
import ebmopt.testing.TestSweeps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code ```sql} block of docs/results.md runs through {@code ebm-opt sql}, the command
 * behind {@code submit/sql}, over a tiny result root: a few Gaussian trials (Table 14's
 * setting), one COMs trial on Branin (which proposes candidates) and the report built over
 * them ({@code tables all}: the aggregated tables {@code reproduced} and {@code gaussian}).
 * Each query must exit 0 and print at least one row.
 */
class ResultsSqlDocsTest {
    private static final Path PAGE = Path.of("docs/results.md");

    @TempDir
    static Path root;

    @BeforeAll
    static void tinyResultRoot() {
        run("sweep", "jobs/quickstart.conf", "--set", "sweep.grids = [{ objective = [n2ce], noise-magnitude = [1, 100], "
                + "replicate = {from = 0, until = 2} }, { objective = [nwj], replicate = {from = 0, until = 2} }]");
        run("sweep", "jobs/coms-branin.conf", "--scale", "ci",
                "--set", "sweep.grids = [{ task = [branin-50], alpha-mode = [fixed], alpha = [0] }]");
        String reference = Path.of(System.getProperty("ebmopt.shared.dir", "../shared"), "reference").toString();
        run("tables", "all", "--set", "reference.dir=\"" + reference + "\"");
    }

    @TestFactory
    Stream<DynamicTest> everySqlExampleRunsAndReturnsRows() {
        List<String> queries = new MarkdownFile(PAGE).fencedBlocks("sql");
        assertFalse(queries.isEmpty(), PAGE + " has no ```sql blocks");
        return queries.stream().map(sql -> DynamicTest.dynamicTest(sql.lines().findFirst().orElse(sql), () -> {
            String table = run("sql", sql);
            // Spark's table: a border, the header, a border, one line per row, a border.
            long rows = table.lines().filter(l -> l.startsWith("|")).count() - 1;
            assertTrue(rows >= 1, "no rows from the query in " + PAGE + ":\n" + sql + "\n" + table);
        }));
    }

    /** Runs an ebm-opt command with the test profile over the root; returns its stdout. */
    private static String run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--conf", TestSweeps.PROFILE, "--set", "output.root=\"" + root + "\""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, String.join(" ", args) + " exited " + code + ":\n" + printed);
        return printed;
    }
}
