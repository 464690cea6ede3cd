package ebmopt.nightly;

import ebmopt.report.PaperFigures;
import ebmopt.testing.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nights of a small nightly selection (Table 14's rows M = 1, 10, 100 at 3 runs): the first
 * reproduces the paper and exits 0; the second has a regression injected (gradient step 0.05
 * instead of the paper's 0.2, so every error grows) and must exit 3 with a one-screen summary
 * naming the regressed cells, against the paper and against the first night.
 */
class NightlyRunTest {

    @TempDir
    Path dir;

    @Test
    void anInjectedRegressionFailsTheNightWithAOneScreenSummary() throws IOException {
        Path job = dir.resolve("small.conf");
        Files.writeString(job, """
                job { name = small-table14, experiment = gaussian }
                params.samples = 500
                sweep.grids = [{ objective = [n2ce], noise-magnitude = [1, 10, 100], replicate = {from = 0, until = 6} }]
                scales.ci.sweep.grids = [{ objective = [n2ce], noise-magnitude = [1, 10, 100], replicate = {from = 0, until = 3} }]
                """);
        Path selection = dir.resolve("nightly.conf");
        Files.writeString(selection, "nightly { scale = ci, jobs = [\"" + job + "\"] }\n");
        PaperFigures reference = PaperFigures.bundled();
        String root = dir.resolve("out").toString();

        NightlyRun.Outcome first = NightlyRun.run(TestSweeps.spark(), new NightlyRun.Request(TestSweeps.PROFILE,
                selection, List.of(), LocalDate.parse("2026-01-01"), root, reference), quiet());
        assertEquals(0, first.exitCode(), first.summary());
        assertTrue(first.summary().contains("OK, no regression"), first.summary());
        assertTrue(first.summary().contains("Cells: 3 run (3 reproduced"), first.summary());
        assertTrue(Files.exists(Path.of(root, "nightly/2026-01-01/small-table14-ci")), "the ci scale was not used");

        NightlyRun.Outcome second = NightlyRun.run(TestSweeps.spark(), new NightlyRun.Request(TestSweeps.PROFILE,
                selection, List.of("params.step-size = 0.05"), LocalDate.parse("2026-01-02"), root, reference), quiet());
        String summary = second.summary();
        assertEquals(NightlyRun.EXIT_REGRESSION, second.exitCode(), summary);
        assertTrue(summary.startsWith("Nightly reproduction 2026-01-02: REGRESSION in 3 cells (6 findings)"), summary);
        assertTrue(summary.contains("the night of 2026-01-01"), summary);
        String m100 = summary.lines().filter(l -> l.startsWith("  table14 / N2CE, M = 100 / traj_mse: ")).findFirst()
                .orElseThrow(() -> new AssertionError("M = 100 not listed:\n" + summary));
        assertTrue(m100.contains("vs paper 0.453 ± 0.007") && m100.contains("worse than the paper")
                && m100.contains("worse than 2026-01-01"), m100);
        assertTrue(summary.lines().count() <= 24, "more than one screen:\n" + summary);

        Path night = Path.of(root, "nightly/2026-01-02");
        assertEquals(summary, Files.readString(night.resolve("summary.txt")));
        assertTrue(Files.readString(night.resolve("report/index.html")).contains("Nightly comparison"));
        List<String> history = Files.readAllLines(Path.of(root, "nightly", NightlyRun.HISTORY));
        assertEquals(3, history.size(), history.toString());
        assertTrue(history.get(1).startsWith("2026-01-01,ok,0,"), history.get(1));
        assertTrue(history.get(2).startsWith("2026-01-02,regression,3,"), history.get(2));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
