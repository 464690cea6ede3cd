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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which trials a design-bench cell averages: never runs of different training budgets (Table 7's
 * N2CE-LEBM cell holds the budget with the most runs, the longer one on a tie, and names the runs
 * it leaves out), and never a study's trials that read the paper otherwise (here recon-weight =
 * y-weight = 1, another stage schedule, and a target above the best visible score).
 */
class DesignBenchCellTrialsTest {
    private static final String ROW = "N2CE-LEBM (M=100,K=6,SVGD)";

    @TempDir
    Path dir;

    @Test
    void aCellHoldsTheBudgetWithTheMostRunsOfThePapersReading() {
        SparkSession spark = TestSweeps.spark();
        // the ci scale: 2 seeds on TF-Bind-8 at 30 iterations; the same seeds at 20 (a tie, the
        // longer wins); one seed at 40 (longer, but fewer runs)
        for (String iterations : List.of("30", "20")) {
            SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table7.conf"),
                    "ci", List.of("output.root=\"" + dir + "\"", "params.iterations=" + iterations))));
        }
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table7.conf"),
                "ci", List.of("output.root=\"" + dir + "\"", "params.iterations=40",
                "sweep.grids=[{task=[tf-bind-8], replicate=[0]}]"))));
        // a reconstruction averaged over positions is not the paper's reading, even with y weighed alike
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-recon-weight.conf"),
                "ci", List.of("output.root=\"" + dir + "\"", "params.iterations=30",
                "sweep.grids=[{task=[tf-bind-8], recon-weight=[1], y-weight=[1], seed=[1]}]"))));
        // nor is another stage schedule
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-stage-schedule.conf"),
                "ci", List.of("output.root=\"" + dir + "\""))));
        // nor a target above the best visible score
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE,
                Path.of("jobs/lebm-table7.conf"), "ci", List.of("output.root=\"" + dir + "\"", "params.iterations=30",
                "params.y-target=1.2",
                "sweep.grids=[{task=[tf-bind-8], replicate=[0]}]"))));
        ReportContext context = new ReportContext(spark, dir.toString(), PaperFigures.bundled());
        double longest = spark.sql("SELECT avg(metrics['score_p100']) FROM " + ReportContext.trialsView("lebm")
                + " WHERE params.iterations = 30 AND params.recon_weight = 50 AND size(params.stage_schedule) = 0"
                + " AND params.y_target = 1.0")
                .first().getDouble(0);
        double all = spark.sql("SELECT avg(metrics['score_p100']) FROM " + ReportContext.trialsView("lebm"))
                .first().getDouble(0);
        assertTrue(Math.abs(longest - all) > 1e-9, "the two budgets must differ for this test to mean anything");
        ReproducedTable table7 = ReproducedTables.all().stream().filter(t -> t.id().equals("table7")).findFirst()
                .orElseThrow();
        Cell cell = table7.cells(context).stream()
                .filter(c -> c.row().equals(ROW) && c.column().equals("tf_bind_8")).findFirst().orElseThrow();
        assertEquals(2, cell.runs());
        assertEquals(longest, cell.oursMean(), 1e-12);
        assertEquals("2 runs at 30 iterations; not shown: 2 runs at 20, 1 run at 40 iterations", cell.scale());
    }

    @Test
    void theMleRowsCountOnlyTrialsWithTheMlePenaltyAndTheN2ceRowsOnlyTrialsWithout() {
        SparkSession spark = TestSweeps.spark();
        // the ci scale at Table 8's Q = 256: MLE-LEBM (LD) with ratio-penalty 0.1, NCE and N2CE without;
        // then the same MLE row without the penalty (the paper's letter, which runs away) and N2CE with one
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table8.conf"),
                "ci", List.of("output.root=\"" + dir + "\"", "params.candidates=256"))));
        SweepRunner.run(spark, SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table8.conf"),
                "ci", List.of("output.root=\"" + dir + "\"", "params.candidates=256",
                "sweep.grids=[{objective=[mle], stages=[0], "
                + "noise-magnitude=[1], ratio-penalty=[0], sampler=[langevin], task=[tf-bind-8]}, {objective=[n2ce], "
                + "noise-magnitude=[100], stages=[6], ratio-penalty=[0.1], sampler=[svgd], task=[tf-bind-8]}]"))));
        ReportContext context = new ReportContext(spark, dir.toString(), PaperFigures.bundled());
        ReproducedTable table8 = ReproducedTables.all().stream().filter(t -> t.id().equals("table8")).findFirst()
                .orElseThrow();
        List<Cell> cells = table8.cells(context);
        for (String[] row : new String[][] {
                {"MLE-LEBM (LD)", "params.objective = 'mle' AND params.ratio_penalty = 0.1"},
                {"N2CE-LEBM (M=100,K=6,SVGD)", "params.objective = 'n2ce' AND params.noise_magnitude = 100"
                        + " AND params.ratio_penalty = 0"}}) {
            Cell cell = cells.stream().filter(c -> c.row().equals(row[0]) && c.column().equals("tf_bind_8"))
                    .findFirst().orElseThrow();
            double byHand = spark.sql("SELECT avg(metrics['score_p100']) FROM " + ReportContext.trialsView("lebm")
                    + " WHERE " + row[1]).first().getDouble(0);
            assertEquals(1, cell.runs(), row[0]);
            assertEquals(byHand, cell.oursMean(), 1e-12, row[0]);
        }
    }
}
