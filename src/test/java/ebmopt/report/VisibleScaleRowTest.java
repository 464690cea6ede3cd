package ebmopt.report;

import ebmopt.config.LoadRequest;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Tables 7 and 22 show N2CE-LEBM a second time on the visible-data scale, beside the full-data
 * scale its verdict uses. On TF-Bind-8 (y_min = 0) that scale is y / 0.43929616, the best visible
 * score (the dataset's README), so each row must be the other divided by it.
 */
class VisibleScaleRowTest {
    private static final String ROW = "N2CE-LEBM (M=100,K=6,SVGD)";
    private static final String VISIBLE_ROW = ROW + " on the visible-data scale";
    private static final double BEST_VISIBLE_TF_BIND_8 = 0.43929616;

    @TempDir
    Path dir;

    @Test
    void theVisibleRowIsTheMethodsCellDividedByTheBestVisibleScore() {
        SparkSession spark = TestSweeps.spark();
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table7.conf"),
                "ci", List.of("output.root=\"" + dir + "\""))));
        ReportContext context = new ReportContext(spark, dir.toString(), PaperFigures.bundled());
        for (ReproducedTable table : ReproducedTables.all()) {
            if (!List.of("table7", "table22").contains(table.id())) {
                continue;
            }
            List<Cell> cells = table.cells(context);
            Cell full = cells.stream().filter(c -> c.row().equals(ROW) && c.column().equals("tf_bind_8")).findFirst()
                    .orElseThrow();
            Cell visible = cells.stream().filter(c -> c.row().equals(VISIBLE_ROW) && c.column().equals("tf_bind_8"))
                    .findFirst().orElseThrow(() -> new AssertionError(table.id() + ": no visible-scale row"));
            String percentile = table.id().equals("table7") ? "100" : "50";
            double byHand = spark.sql("SELECT avg(metrics['score_p" + percentile + "']) FROM "
                    + ReportContext.trialsView("lebm") + " WHERE params.task = 'tf-bind-8'").first().getDouble(0)
                    / BEST_VISIBLE_TF_BIND_8;
            assertEquals(full.runs(), visible.runs(), table.id());
            assertEquals(byHand, visible.oursMean(), 1e-6, table.id());
            assertEquals(full.oursMean() / BEST_VISIBLE_TF_BIND_8, visible.oursMean(), 1e-6, table.id());
            assertEquals(full.oursStd() / BEST_VISIBLE_TF_BIND_8, visible.oursStd(), 1e-6, table.id());
            assertNull(visible.paperMean(), "the paper prints no such row");
        }
    }
}
