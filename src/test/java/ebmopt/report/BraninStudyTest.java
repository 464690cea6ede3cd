package ebmopt.report;

import ebmopt.config.LoadRequest;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.tasks.BraninTask;
import ebmopt.testing.TestSweeps;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Branin with N2CE-LEBM, COMs and gradient ascent at their CI scales, end to end: the LEBM
 * proposes real-vector designs that the oracle scores, and the study has a cell per method,
 * task, percentile and scale (f itself, normalised), counting only LEBM trials with the paper's
 * likelihood and one training budget per cell (the one with the most runs), and a proposals
 * picture per method and task.
 */
class BraninStudyTest {
    @TempDir
    static Path root;

    @Test
    void threeMethodsOnBothBraninTasksWithTheirProposals() throws IOException {
        SparkSession spark = TestSweeps.spark();
        // the decoder-std study's ci scale adds decoder-std 1 and 0.1 on N = 50: only the first has the
        // paper's likelihood and counts in the study
        for (String job : List.of("jobs/lebm-branin.conf", "jobs/coms-branin.conf", "jobs/lebm-branin-decoder.conf")) {
            SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of(job), "ci",
                    List.of("output.root=\"" + root + "\""))));
        }
        // and a shorter run on N = 50: another training budget, which the N2CE-LEBM cell leaves out
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE,
                Path.of("jobs/lebm-branin.conf"), "ci", List.of("output.root=\"" + root + "\"", "params.iterations=20",
                "sweep.grids=[{task=[branin-50], replicate=[0]}]"))));
        ReportContext context = new ReportContext(spark, root.toString(), ResultSurfacesTest.reference());
        // the LEBM's designs are points of the plane, and their recorded scores are f's
        List<Row> lebm = spark.sql("SELECT c.design, c.score FROM " + ReportContext.CANDIDATES_VIEW + " c JOIN "
                + ReportContext.TRIALS_VIEW + " t ON c.trial_id = t.trial_id WHERE t.experiment = 'lebm'")
                .collectAsList();
        assertEquals(5 * 128, lebm.size());
        for (Row r : lebm) {
            double[] x = Arrays.stream(r.getString(0).split(",")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(2, x.length);
            // the design as text carries about 7 significant digits
            assertEquals(BraninTask.value(x[0], x[1]), r.getDouble(1), 1e-6 * (1 + Math.abs(r.getDouble(1))));
        }

        // every trial's raw_best and raw_median are f of its best and its median candidate
        for (Row t : spark.sql("SELECT t.trial_id, t.metrics['raw_best'], t.metrics['raw_median'], max(c.score) "
                + "FROM " + ReportContext.TRIALS_VIEW + " t JOIN " + ReportContext.CANDIDATES_VIEW + " c "
                + "ON c.trial_id = t.trial_id GROUP BY t.trial_id, t.metrics['raw_best'], t.metrics['raw_median']")
                .collectAsList()) {
            assertEquals(t.getDouble(3), t.getDouble(1), 1e-12, t.toString());
            assertTrue(t.getDouble(2) <= t.getDouble(1) && t.getDouble(1) <= BraninTask.MAX_VALUE + 1e-9, t.toString());
        }

        BraninStudy study = new BraninStudy();
        List<Cell> cells = study.cells(context);
        assertEquals(3 * 2 * 4, cells.size(), cells.toString());
        assertEquals(List.of("N2CE-LEBM (M=100, K=6, SVGD)", "COMs", "Gradient ascent"),
                cells.stream().map(Cell::row).distinct().toList());
        assertEquals(List.of("N = 5000, best f (p100; optimum -0.398)", "N = 5000, median f (p50)",
                "N = 5000, best (p100)", "N = 5000, median (p50)", "N = 50, best f (p100; optimum -0.398)",
                "N = 50, median f (p50)", "N = 50, best (p100)", "N = 50, median (p50)"),
                cells.stream().map(Cell::column).distinct().toList());
        assertTrue(cells.stream().allMatch(c -> c.runs() == (c.row().startsWith("N2CE") && c.column().startsWith(
                "N = 50,") ? 2 : 1) && c.oursMean() != null && c.paperMean() == null), cells.toString());
        assertEquals("2 runs at 30 iterations; not shown: 1 run at 20 iterations",
                cell(cells, cells.get(0).row(), "N = 50, best (p100)").scale());
        assertEquals("1 run at 30 iterations", cell(cells, cells.get(0).row(), "N = 5000, best (p100)").scale());
        for (Cell best : cells.stream().filter(c -> c.column().endsWith("best (p100)")).toList()) {
            Cell median = cell(cells, best.row(), best.column().replace("best (p100)", "median (p50)"));
            assertTrue(best.oursMean() <= 1 + 1e-9 && best.oursMean() >= median.oursMean(), best + " vs " + median);
            // f and the normalised score are the same numbers on two scales
            String task = best.column().substring(0, best.column().indexOf(','));
            Cell bestF = cell(cells, best.row(), task + ", best f (p100; optimum -0.398)");
            Cell medianF = cell(cells, best.row(), task + ", median f (p50)");
            assertEquals(best.oursMean(), normalised(bestF.oursMean()), 1e-9);
            assertEquals(median.oursMean(), normalised(medianF.oursMean()), 1e-9);
        }

        List<Plot> plots = study.plots(context, cells);
        assertEquals(1 + 3 * 2, plots.size(), plots.stream().map(Plot::fileName).toList().toString());
        Plot picture = plots.stream().filter(p -> p.fileName().equals("branin-n2ce-lebm-m-100-k-6-svgd-branin-samples.png"))
                .findFirst().orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertNotNull(image);
        assertEquals(480, image.getWidth());
    }

    private static Cell cell(List<Cell> cells, String row, String column) {
        return cells.stream().filter(c -> c.row().equals(row) && c.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no cell " + row + " / " + column));
    }

    private static double normalised(double f) {
        return (f - BraninTask.MIN_VALUE) / (BraninTask.MAX_VALUE - BraninTask.MIN_VALUE);
    }
}
