package ebmopt.report;

import ebmopt.config.LoadRequest;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
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
 * The spiral study over a tiny real coms sweep (jobs/coms-spiral.conf's ci grid, shrunk): its
 * metrics, and a sample picture per trial drawn from the candidates the sweep recorded.
 */
class ComsSpiralStudyTest {
    @TempDir
    static Path root;

    @Test
    void metricsPerVariantAndOnePicturePairPerTrial() throws IOException {
        SparkSession spark = TestSweeps.spark();
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/coms-spiral.conf"),
                "ci", List.of("output.root=\"" + root + "\"", "params.hidden = [8]", "params.epochs = 1",
                "params.generation-steps = 10", "params.query-budget = 8",
                // the ci grids with 3 training sampler steps in each (one of them sweeps the key)
                "sweep.grids = [{ variant = [original], alpha = [0, 50], train-sampler-steps = [3], "
                        + "train-step-size = [0.0707], train-final-step-size = [0.0707], generation-step-size = [0.1], "
                        + "generation-final-step-size = [1e-3] }, "
                        + "{ variant = [stochastic], alpha = [0, 50], train-sampler-steps = [3] }, "
                        + "{ variant = [decoupled], alpha = [0], tilt = [0, 10], negative-start = [mixed], "
                        + "train-sampler-steps = [3] }]"))));
        ReportContext context = new ReportContext(spark, root.toString(), ResultSurfacesTest.reference());
        List<Row> trials = spark.sql("SELECT trial_id, sweep FROM " + ReportContext.TRIALS_VIEW
                + " WHERE status = 'done'").collectAsList();
        assertEquals(6, trials.size());
        // a real proposal of the stochastic alpha = 50 trial inside the plotted square, from the
        // candidates the sweep recorded (the report registers them itself)
        Row proposal = spark.sql("SELECT c.design FROM " + ReportContext.CANDIDATES_VIEW + " c JOIN "
                + ReportContext.TRIALS_VIEW + " t ON c.trial_id = t.trial_id WHERE t.params.variant = 'stochastic' "
                + "AND t.params.alpha = 50 ORDER BY c.idx").collectAsList().stream()
                .filter(r -> inSquare(r.getString(0))).findFirst().orElseThrow();
        double[] xy = Arrays.stream(proposal.getString(0).split(",")).mapToDouble(Double::parseDouble)
                .toArray();
        ComsSpiralStudy study = new ComsSpiralStudy();
        List<Cell> cells = study.cells(context);
        List<String> rows = cells.stream().map(Cell::row).distinct().toList();
        assertEquals(List.of("decoupled, w = 0", "decoupled, w = 10", "original, alpha = 0 (gradient ascent)",
                "original, alpha = 50", "stochastic, alpha = 0", "stochastic, alpha = 50"), rows);
        assertEquals(6 * ComsSpiralStudy.METRICS.size(), cells.size());
        assertTrue(cells.stream().allMatch(c -> c.runs() == 1 && c.oursMean() != null && c.paperMean() == null));
        List<Plot> plots = study.plots(context, cells);
        assertEquals(1 + 2 * 6, plots.size());
        Plot samples = plots.stream().filter(p -> p.fileName().equals(
                "coms-spiral-stochastic-alpha50-w0-seed0-samples.png")).findFirst().orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(samples.png()));
        assertNotNull(image);
        // the proposal on [-1.5, 2]^2 in a 480-pixel square below a 28-pixel title band
        int x = (int) Math.round((xy[0] + 1.5) / 3.5 * 479);
        int y = 28 + (int) Math.round((2.0 - xy[1]) / 3.5 * 479);
        int rgb = image.getRGB(x, y);
        assertTrue(((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 80,
                "a red sample at " + proposal.getString(0) + ": " + Integer.toHexString(rgb));
        assertNotNull(ImageIO.read(new ByteArrayInputStream(plots.stream().filter(p -> p.fileName().endsWith(
                "-field.png")).findFirst().orElseThrow().png())));
    }

    /** Whether a recorded design "x1,x2" lies inside the plotted square, away from its edges. */
    private static boolean inSquare(String design) {
        String[] xy = design.split(",");
        double x1 = Double.parseDouble(xy[0]);
        double x2 = Double.parseDouble(xy[1]);
        return x1 > -1.4 && x1 < 1.9 && x2 > -1.4 && x2 < 1.9;
    }
}
