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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chance baseline's trials appear as a row of ours under the paper's rows of Tables 7 and 22. */
class ChanceRowTest {
    private static final String ROW = "Chance: Q uniform designs (ours, no model)";

    @TempDir
    Path dir;

    @Test
    void theChanceRowHoldsTheMeanOfItsTrialsInTheTasksColumns() {
        SparkSession spark = TestSweeps.spark();
        SweepPlan plan = SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/random-designs.conf"), "ci",
                List.of("output.root=\"" + dir + "\"")));
        SweepRunner.run(spark, plan);
        ReportContext context = new ReportContext(spark, dir.toString(), PaperFigures.bundled());
        double best = spark.sql("SELECT avg(metrics['score_p100']) FROM " + ReportContext.trialsView("random")
                + " WHERE params.task = 'tf-bind-8' AND params.query_budget = 256").first().getDouble(0);
        for (ReproducedTable table : ReproducedTables.all()) {
            if (!List.of("table7", "table22").contains(table.id())) {
                continue;
            }
            List<Cell> chance = table.cells(context).stream().filter(c -> c.row().equals(ROW)).toList();
            assertEquals(1, chance.size(), table.id() + ": the chance row has the TF-Bind-8 column only: " + chance);
            Cell cell = chance.get(0);
            assertEquals(2, cell.runs());
            assertNull(cell.paperMean());
            if (table.id().equals("table7")) {
                assertEquals(best, cell.oursMean(), 1e-12);
            } else {
                assertTrue(cell.oursMean() < best, "a median above the best");
            }
        }
    }
}
