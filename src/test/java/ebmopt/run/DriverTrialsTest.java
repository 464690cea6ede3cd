package ebmopt.run;

import ebmopt.results.ResultTables;
import ebmopt.sweep.TrialSpec;
import ebmopt.testing.TestSweeps;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trials that ask to run on the driver (Experiment.runsOnDriver) get the driver's Spark
 * context and use it, while the others run in executor tasks without one; both are committed,
 * counted and resumed the same way.
 */
class DriverTrialsTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TestSweeps.spark();
    }

    @Test
    void driverTrialsUseTheSparkContextAndResumeLikeTheOthers() throws Exception {
        Path fault = Files.createFile(dir.resolve("fault-present"));
        Path job = TestSweeps.job(dir, "echo-driver", """
                params.fail-while-exists = "%s"
                sweep.grids = [
                  { on-driver = [true], fail-on-replicate = [1], replicate = {from = 0, until = 3} }
                  { replicate = {from = 0, until = 4} }
                ]
                """.formatted(fault));
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        assertEquals(3, plan.trials().stream().filter(DriverTrials::runsOnDriver).count());

        SweepReport first = SweepRunner.run(spark, plan);
        assertEquals(7, first.ran().size());
        assertEquals(6, first.count("done"));
        assertEquals(1, first.count("failed"));
        // The echo experiment fails a trial whose Spark context does not match its on-driver flag:
        // every trial done means executor tasks had none and driver trials had one.
        List<Row> rows = ResultTables.read(spark, first.layout(), ResultTables.TRIALS)
                .selectExpr("params.on_driver", "status", "metrics['spark_job_sum']", "error")
                .orderBy("params.on_driver", "status").collectAsList();
        assertEquals(7, rows.size());
        for (Row r : rows) {
            boolean onDriver = r.getBoolean(0);
            if (r.getString(1).equals("failed")) {
                assertTrue(onDriver && r.getString(3).contains("injected failure on replicate 1"), r.toString());
            } else {
                assertEquals("done", r.getString(1), r.toString());
                // A driver trial ran a Spark job of its own: 2 * (1 + 2 + 3 + 4).
                assertEquals(onDriver ? Double.valueOf(20.0) : null, r.isNullAt(2) ? null : r.getDouble(2),
                        r.toString());
            }
        }

        // Resume: nothing new to do; the failure is kept ...
        SweepReport again = SweepRunner.run(spark, plan);
        assertEquals(0, again.ran().size());
        assertEquals(6, again.alreadyDone());
        assertEquals(1, again.keptFailed());

        // ... and runs again on the driver when asked, now that its fault is gone.
        Files.delete(fault);
        SweepReport retried = SweepRunner.run(spark, TestSweeps.plan(job, dir.resolve("out"),
                "run.retry-failed=true"));
        assertEquals(1, retried.ran().size());
        assertEquals(1, retried.count("done"));
        assertEquals(3L, ResultTables.read(spark, retried.layout(), ResultTables.TRIALS)
                .where("params.on_driver AND status = 'done' AND metrics['spark_job_sum'] = 20").count());
    }

    @Test
    void driverTrialsAreCountedInTheProgress() {
        Path job = TestSweeps.job(dir, "echo-driver-count", """
                params.on-driver = true
                sweep.grids = [ { replicate = {from = 0, until = 3} } ]
                """);
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        RunContext context = new RunContext(plan.sweepName(), null,
                SweepRunner.layout(plan, spark.sparkContext().hadoopConfiguration()),
                dir.toAbsolutePath().toString(), 30_000, "test", 0, false);
        SweepCounters counters = SweepCounters.register(spark.sparkContext(), "driver-count");
        double cost = plan.trials().stream().mapToDouble(TrialSpec::cost).sum();
        ProgressMonitor monitor = new ProgressMonitor(plan.sweepName(), counters, 3, cost);

        List<TrialSummary> ran = DriverTrials.run(plan.sweepName(), plan.trials(),
                new TrialExecution(context, counters), JavaSparkContext.fromSparkContext(spark.sparkContext()),
                monitor);
        assertEquals(3, ran.size());
        assertEquals(3L, counters.done().value());
        assertEquals(cost, counters.cost().value(), 1e-9);
        assertTrue(monitor.line().contains("3/3 trials: 3 done, 0 failed, 0 diverged"), monitor.line());
    }
}
