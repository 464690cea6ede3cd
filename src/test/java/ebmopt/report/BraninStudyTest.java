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
 * task and percentile and a proposals picture per method and task.
 */
class BraninStudyTest {
    @TempDir
    static Path root;

    @Test
    void threeMethodsOnBothBraninTasksWithTheirProposals() throws IOException {
        SparkSession spark = TestSweeps.spark();
        for (String job : List.of("jobs/lebm-branin.conf", "jobs/coms-branin.conf")) {
            SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of(job), "ci",
                    List.of("output.root=\"" + root + "\""))));
        }
        ReportContext context = new ReportContext(spark, root.toString(), ResultSurfacesTest.reference());
        // the LEBM's designs are points of the plane, and their recorded scores are f's
        List<Row> lebm = spark.sql("SELECT c.design, c.score FROM " + ReportContext.CANDIDATES_VIEW + " c JOIN "
                + ReportContext.TRIALS_VIEW + " t ON c.trial_id = t.trial_id WHERE t.experiment = 'lebm'")
                .collectAsList();
        assertEquals(2 * 128, lebm.size());
        for (Row r : lebm) {
            double[] x = Arrays.stream(r.getString(0).split(",")).mapToDouble(Double::parseDouble).toArray();
            assertEquals(2, x.length);
            // the design as text carries about 7 significant digits
            assertEquals(BraninTask.value(x[0], x[1]), r.getDouble(1), 1e-6 * (1 + Math.abs(r.getDouble(1))));
        }

        BraninStudy study = new BraninStudy();
        List<Cell> cells = study.cells(context);
        assertEquals(3 * 2 * 2, cells.size(), cells.toString());
        assertEquals(List.of("N2CE-LEBM (M=100, K=6, SVGD)", "COMs", "Gradient ascent"),
                cells.stream().map(Cell::row).distinct().toList());
        assertTrue(cells.stream().allMatch(c -> c.runs() == 1 && c.oursMean() != null && c.paperMean() == null));
        for (Cell best : cells.stream().filter(c -> c.column().endsWith("best (p100)")).toList()) {
            Cell median = cells.stream().filter(c -> c.row().equals(best.row())
                    && c.column().equals(best.column().replace("best (p100)", "median (p50)"))).findFirst().orElseThrow();
            assertTrue(best.oursMean() <= 1 + 1e-9 && best.oursMean() >= median.oursMean(), best + " vs " + median);
        }

        List<Plot> plots = study.plots(context, cells);
        assertEquals(1 + 3 * 2, plots.size(), plots.stream().map(Plot::fileName).toList().toString());
        Plot picture = plots.stream().filter(p -> p.fileName().equals("branin-n2ce-lebm-m-100-k-6-svgd-branin-samples.png"))
                .findFirst().orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertNotNull(image);
        assertEquals(480, image.getWidth());
    }
}
