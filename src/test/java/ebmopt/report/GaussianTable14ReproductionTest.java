package ebmopt.report;

import ebmopt.config.LoadRequest;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reproduces the N2CE paper's Table 14 at the paper's own scale (jobs/gaussian-table14-n500.conf:
 * 9 rows x 100 runs, n = 500, T = 150; ~20 s on 2 cores) and checks it against the paper's
 * figures: every N2CE mean for M from 1 to 1000 reproduced by the report's rule ({@link Verdict}:
 * 100 runs on either side, so within max(2 SE, 0.005)), and the U shape in M (falling from M = 1
 * to its minimum near M = 50..100, rising beyond).
 */
class GaussianTable14ReproductionTest {

    @TempDir
    Path dir;

    @Test
    void table14ReproducesThePaperWithItsUShape() {
        SweepPlan plan = SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/gaussian-table14-n500.conf"),
                null, List.of("output.root=\"" + dir + "\"")));
        assertEquals(900, plan.trials().size());
        SparkSession spark = TestSweeps.spark();
        SweepReport report = SweepRunner.run(spark, plan);
        assertEquals(900, report.count("done") + report.count("diverged"));

        List<GaussianTables.Line> lines = GaussianTables.build(spark, dir.toString(), PaperFigures.bundled());
        List<GaussianTables.Line> n2ce = lines.stream()
                .filter(l -> l.setting().equals("table14") && l.objective().equals("n2ce")).toList();
        assertEquals(8, n2ce.size());
        for (GaussianTables.Line l : n2ce) {
            assertEquals(100, l.runs());
            assertNotNull(l.paperMean(), "no paper figure for M = " + l.noiseMagnitude());
            if (l.noiseMagnitude() <= 1000) {
                assertEquals(Verdict.REPRODUCED, l.verdict(), "M = " + l.noiseMagnitude() + ": ours " + l.mean()
                        + " ± " + l.std() + ", paper " + l.paperMean() + " ± " + l.paperStd());
            }
        }
        // The U shape: down from NCE to the optimum, up again past it.
        assertTrue(mean(n2ce, 1) > mean(n2ce, 10) && mean(n2ce, 10) > mean(n2ce, 50), "falls from M = 1 to 50");
        assertTrue(mean(n2ce, 100) < mean(n2ce, 1000) && mean(n2ce, 1000) < mean(n2ce, 1e4), "rises past M = 100");
        double best = n2ce.stream().mapToDouble(GaussianTables.Line::mean).min().orElseThrow();
        assertTrue(best == mean(n2ce, 50) || best == mean(n2ce, 100), "minimum at M = 50 or 100");

        String markdown = GaussianMarkdown.render(lines);
        assertTrue(markdown.contains("U shape in M: yes"), markdown);
        assertTrue(markdown.contains("| N2CE (M = 1: NCE)"), markdown);
    }

    private static double mean(List<GaussianTables.Line> lines, double m) {
        return lines.stream().filter(l -> l.noiseMagnitude() == m).findFirst().orElseThrow().mean();
    }
}
