package ebmopt.results;

import ebmopt.experiment.TrialOutcome.CurvePoint;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import ebmopt.testing.EchoParams;
import ebmopt.testing.TestSweeps;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot is a cache: reads mix it with trials committed or replaced since, and never
 * show a stale or duplicate row.
 */
class SweepTablesTest {

    @TempDir
    Path dir;

    @Test
    void readsPreferTheCurrentCommitOverTheSnapshot() throws Exception {
        SparkSession spark = TestSweeps.spark();
        Path job = TestSweeps.job(dir, "echo-snapshot", "sweep.grids = [ { replicate = {from = 0, until = 4} } ]\n");
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        SweepReport report = SweepRunner.run(spark, plan);
        ResultLayout layout = report.layout();
        assertTrue(Files.exists(dir.resolve("out/echo-snapshot/snapshot/commits.txt")), "no snapshot after a run");
        assertFalse(SweepTables.refreshSnapshot(spark, layout), "a current snapshot was rewritten");

        // Replace one trial (as a retry would) and add one the snapshot has never seen.
        String replaced = plan.trials().get(0).trialId();
        Configuration hadoop = new Configuration();
        TrialCommitter committer = new TrialCommitter(layout, hadoop);
        String oldCommit = CommittedTrials.scan(layout, hadoop).get(replaced).commitId();
        // Move the done trial aside so the committer accepts a replacement.
        Files.walk(dir.resolve("out/echo-snapshot/results/" + replaced))
                .filter(p -> p.getFileName().toString().startsWith("_status.done"))
                .forEach(p -> p.toFile().renameTo(p.resolveSibling("_status.failed." + oldCommit).toFile()));
        committer.commit(record(replaced, 42.0), List.of(new CurvePoint("c", 0, 42.0)));
        committer.commit(record("0000new0000trial", 7.0), List.of(new CurvePoint("c", 0, 7.0)));

        List<Row> rows = SweepTables.read(spark, layout, ResultTables.TRIALS)
                .selectExpr("trial_id", "metrics['value']").collectAsList();
        assertEquals(5, rows.size());
        Map<String, Double> values = new java.util.HashMap<>();
        rows.forEach(r -> values.put(r.getString(0), r.getDouble(1)));
        assertEquals(5, values.size(), "duplicate trial rows: " + rows);
        assertEquals(42.0, values.get(replaced));
        assertEquals(7.0, values.get("0000new0000trial"));
        // Three untouched trials with 3 curve points each (echo default), the replaced and the new one 1 each.
        assertEquals(3 * 3 + 1 + 1L, SweepTables.read(spark, layout, ResultTables.CURVES).count());

        assertTrue(SweepTables.refreshSnapshot(spark, layout));
        assertEquals(42.0, SweepTables.read(spark, layout, ResultTables.TRIALS)
                .where("trial_id = '" + replaced + "'").selectExpr("metrics['value']").first().getDouble(0));
        assertEquals(5L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
    }

    private static TrialRecord record(String id, double value) {
        return new TrialRecord(id, "echo-snapshot", null, "echo", 0, 1L, TrialStatus.DONE, null,
                new EchoParams(value, -1, "", -1, 0, 1, false), Map.of("value", value), "{}", "test", "jvm", "host",
                Map.of(), Map.of(), 0L, 1L, 0);
    }
}
