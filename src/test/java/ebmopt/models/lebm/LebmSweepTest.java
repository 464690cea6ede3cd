package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ebmopt.config.LoadRequest;
import ebmopt.results.ResultTables;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import ebmopt.testing.TestSweeps;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table 7's job at its CI scale on TF-Bind-8, end to end on local Spark: trials train, sample,
 * decode and score; metrics, learning curves and every candidate land in the tables, and the
 * candidates' recorded scores are the oracle's.
 */
class LebmSweepTest {
    @TempDir
    Path dir;

    @Test
    void table7CiScaleRunsEndToEndOnTfBind8() {
        SweepPlan plan = SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table7.conf"), "ci",
                List.of("output.root=\"" + dir + "\"")));
        assertEquals(2, plan.trials().size());
        SparkSession spark = TestSweeps.spark();
        SweepReport report = SweepRunner.run(spark, plan);
        assertEquals(2, report.count("done"), report.toString());
        ResultTables.registerViews(spark, dir.toString());

        for (Row r : spark.sql("SELECT metrics['score_p100'], metrics['score_p75'], metrics['score_p50'], "
                + "metrics['score_p25'], metrics['seconds_per_iteration'], metrics['predicted_p100'], "
                + "metrics['predicted_p50'] FROM trials").collectAsList()) {
            double p100 = r.getDouble(0);
            assertTrue(p100 <= 1.0 && p100 >= r.getDouble(1) && r.getDouble(1) >= r.getDouble(2)
                    && r.getDouble(2) >= r.getDouble(3), "percentiles ordered in [.., 1]: " + r);
            assertTrue(r.getDouble(4) > 0);
            assertTrue(Double.isFinite(r.getDouble(6)) && r.getDouble(5) >= r.getDouble(6), "the model's predictions: " + r);
        }
        // learning curves: the checkpoint (eval-every 15) and the end, for both percentiles
        assertEquals(8L, spark.sql("SELECT count(*) FROM curves WHERE metric IN ('score_p100', 'score_p50')")
                .first().getLong(0));
        assertEquals(2L * 6, spark.sql("SELECT count(*) FROM curves WHERE metric = 'recon_nll'").first().getLong(0));

        // 256 candidates per trial, each scored by the oracle; the best is the trial's score_p100
        assertEquals(512L, spark.sql("SELECT count(*) FROM candidates").first().getLong(0));
        assertEquals(0L, spark.sql("SELECT count(*) FROM (SELECT c.trial_id, max(c.normalised) AS best, "
                + "first(t.metrics['score_p100']) AS p100 FROM candidates c JOIN trials t ON c.trial_id = t.trial_id "
                + "GROUP BY c.trial_id) WHERE abs(best - p100) > 1e-9").first().getLong(0));
        Task task = TaskRegistry.load("tf-bind-8", Path.of(plan.settings().dataDir()), 0);
        for (Row r : spark.sql("SELECT design, score, normalised FROM candidates LIMIT 20").collectAsList()) {
            int[] tokens = Arrays.stream(r.getString(0).split(",")).mapToInt(Integer::parseInt).toArray();
            assertEquals(8, tokens.length);
            assertEquals(task.score(tokens), r.getDouble(1), 1e-12);
            assertEquals(task.scoreNormalisation().normalise(r.getDouble(1)), r.getDouble(2), 1e-12);
        }
    }
}
