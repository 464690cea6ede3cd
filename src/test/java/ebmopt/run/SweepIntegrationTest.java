package ebmopt.run;

import ebmopt.results.CommittedTrials;
import ebmopt.results.ResultLayout;
import ebmopt.results.ResultTables;
import ebmopt.results.TrialStatus;
import ebmopt.results.ViewScripts;
import ebmopt.sweep.TrialSpec;
import ebmopt.testing.TestSweeps;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweeps on local Spark, end to end: run, read back with SQL (candidates too), resume, record failures. */
class SweepIntegrationTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TestSweeps.spark();
    }

    @Test
    void runsASweepAndReadsItBackWithSql() throws Exception {
        Path job = TestSweeps.job(dir, "echo-basic", """
                params.candidates = 3
                sweep.grids = [ { value = [1.5, 2.5], replicate = {from = 0, until = 4} } ]
                """);
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        SweepReport report = SweepRunner.run(spark, plan);
        assertEquals(8, report.count("done"));

        ResultTables.registerViews(spark, dir.resolve("out").toString());
        // The swept value reached the model: every trial echoes its own params.value.
        List<Row> rows = spark.sql("SELECT params.value, count(*), sum(CASE WHEN metrics['value'] = params.value "
                + "THEN 1 ELSE 0 END), count(DISTINCT trial_id) FROM trials GROUP BY params.value ORDER BY 1")
                .collectAsList();
        assertEquals(2, rows.size());
        for (Row r : rows) {
            assertEquals(4L, r.getLong(1));
            assertEquals(4L, r.getLong(2));
            assertEquals(4L, r.getLong(3));
        }
        assertEquals(24L, spark.sql("SELECT count(*) FROM curves").first().getLong(0));
        assertEquals(0L, spark.sql("SELECT count(*) FROM curves WHERE value <> step * "
                + "(SELECT max(params.value) FROM trials t WHERE t.trial_id = curves.trial_id)").first().getLong(0));

        // Candidates: 3 per trial, in the order recorded, from the trial's own commit.
        assertEquals(24L, spark.sql("SELECT count(*) FROM candidates").first().getLong(0));
        assertEquals(24L, spark.sql("SELECT count(*) FROM candidates c JOIN trials t ON c.trial_id = t.trial_id "
                + "AND c.commit_id = t.commit_id AND c.sweep = t.sweep WHERE c.score = t.params.value * (c.idx + 1) "
                + "AND c.normalised = CAST(c.idx AS DOUBLE) / 3 AND c.design = concat(t.replicate, ',', c.idx)")
                .first().getLong(0));
        // The same through the view script a plain spark-sql runs (over the snapshot).
        SparkSession plain = spark.newSession();
        ViewScripts.statements(spark, dir.resolve("out").toString()).forEach(plain::sql);
        assertEquals(24L, plain.sql("SELECT count(*) FROM candidates WHERE idx BETWEEN 0 AND 2").first().getLong(0));
        assertEquals(List.of("trial_id", "sweep", "idx", "design", "score", "normalised", "commit_id"),
                List.of(plain.table("candidates").columns()));

        // Provenance: the seed the plan derived, the code version, backend, host and configuration.
        Map<String, Long> seeds = plan.trials().stream().collect(Collectors.toMap(TrialSpec::trialId, TrialSpec::seed));
        for (Row r : spark.sql("SELECT trial_id, seed, code_version, backend, host, config, status, wall_ms "
                + "FROM trials").collectAsList()) {
            assertEquals(seeds.get(r.getString(0)), r.getLong(1));
            assertFalse(r.getString(2).isBlank());
            assertEquals("jvm", r.getString(3));
            assertFalse(r.getString(4).isBlank());
            assertTrue(r.getString(5).contains("\"value\""), r.getString(5));
            assertEquals("done", r.getString(6));
        }
        String saved = Files.readString(dir.resolve("out/echo-basic/sweep.conf"));
        assertTrue(saved.contains("grids") && saved.contains(job.toString()), saved);
    }

    @Test
    void aSecondRunDoesNoNewWork() {
        Path job = TestSweeps.job(dir, "echo-twice", "sweep.grids = [ { replicate = {from = 0, until = 6} } ]\n");
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        assertEquals(6, SweepRunner.run(spark, plan).ran().size());

        SweepReport again = SweepRunner.run(spark, plan);
        assertEquals(0, again.ran().size());
        assertEquals(6, again.alreadyDone());
        assertEquals(6L, ResultTables.read(spark, again.layout(), ResultTables.TRIALS).count());
    }

    @Test
    void trialFailuresAreRecordedWhileTheOthersComplete() throws Exception {
        Path fault = Files.createFile(dir.resolve("fault-present"));
        Path job = TestSweeps.job(dir, "echo-faults", """
                params { fail-on-replicate = 1, fail-while-exists = "%s", diverge-on-replicate = 2, candidates = 2 }
                sweep.grids = [ { replicate = {from = 0, until = 5} } ]
                """.formatted(fault));
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        SweepReport first = SweepRunner.run(spark, plan);
        assertEquals(3, first.count("done"));
        assertEquals(1, first.count("failed"));
        assertEquals(1, first.count("diverged"));
        Row failed = ResultTables.read(spark, first.layout(), ResultTables.TRIALS)
                .where("status = 'failed'").first();
        assertTrue(failed.<String>getAs("error").contains("injected failure on replicate 1"));
        // A failed trial proposed nothing; a diverged one keeps what it proposed.
        assertEquals(Map.of("done", 6L, "diverged", 2L), candidatesPerStatus(first.layout()));

        // The fault is gone, but recorded failures are kept unless asked ...
        Files.delete(fault);
        SweepReport kept = SweepRunner.run(spark, plan);
        assertEquals(0, kept.ran().size());
        assertEquals(2, kept.keptFailed());

        // ... and run again when asked: the failure now succeeds, the NaN diverges again.
        SweepReport retried = SweepRunner.run(spark, TestSweeps.plan(job, dir.resolve("out"), "run.retry-failed=true"));
        assertEquals(2, retried.ran().size());
        assertEquals(1, retried.count("done"));
        assertEquals(1, retried.count("diverged"));
        Map<String, CommittedTrials.Commit> statuses = CommittedTrials.scan(retried.layout(), new Configuration());
        assertEquals(5, statuses.size());
        assertEquals(4, statuses.values().stream().filter(c -> c.status() == TrialStatus.DONE).count());
        assertEquals(5L, ResultTables.read(spark, retried.layout(), ResultTables.TRIALS).count());
        assertEquals(Map.of("done", 8L, "diverged", 2L), candidatesPerStatus(retried.layout()));
    }

    @Test
    void anEnvironmentFailureIsRerunUnaskedWhileAModelFailureIsKept() throws Exception {
        Path fault = Files.createFile(dir.resolve("fault-present"));
        Path job = TestSweeps.job(dir, "echo-retryable", """
                params { fail-on-replicate = 1, fail-while-exists = "%s" }
                sweep.grids = [ { fail-with-io-error = [false, true], replicate = {from = 0, until = 3} } ]
                """.formatted(fault));
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        SweepReport first = SweepRunner.run(spark, plan);
        assertEquals(4, first.count("done"));
        assertEquals(1, first.count("failed"));
        assertEquals(1, first.count("retryable"));
        assertFalse(first.complete());
        assertEquals(1L, ResultTables.read(spark, first.layout(), ResultTables.TRIALS)
                .where("status = 'retryable' AND error LIKE '%injected I/O failure on replicate 1%'").count());

        // The environment is fixed: the retryable trial runs again unasked, the model's failure stays recorded.
        Files.delete(fault);
        SweepReport second = SweepRunner.run(spark, plan);
        assertEquals(1, second.ran().size());
        assertEquals(1, second.count("done"));
        assertEquals(1, second.keptFailed());
        assertFalse(second.complete(), "a trial is still recorded failed");
        Map<TrialStatus, Long> statuses = CommittedTrials.scan(second.layout(), new Configuration()).values().stream()
                .collect(Collectors.groupingBy(CommittedTrials.Commit::status, Collectors.counting()));
        assertEquals(Map.of(TrialStatus.DONE, 5L, TrialStatus.FAILED, 1L), statuses);
    }

    @Test
    void aTrialThatThrowsDivergedKeepsTheCurvesItRecordedUntilThen() throws Exception {
        Path job = TestSweeps.job(dir, "echo-blowup", """
                params { throw-diverged-on-replicate = 1, steps = 4, candidates = 2 }
                sweep.grids = [ { replicate = {from = 0, until = 2} } ]
                """);
        SweepReport report = SweepRunner.run(spark, TestSweeps.plan(job, dir.resolve("out")));
        assertEquals(1, report.count("done"));
        assertEquals(1, report.count("diverged"));
        Row diverged = ResultTables.read(spark, report.layout(), ResultTables.TRIALS)
                .where("status = 'diverged'").first();
        assertTrue(diverged.<String>getAs("error").contains("injected divergence on replicate 1"));
        assertEquals(1L, ResultTables.read(spark, report.layout(), ResultTables.TRIALS)
                .where("status = 'diverged' AND metrics['replicate'] = 1").count(), "its metrics are kept");
        ResultTables.read(spark, report.layout(), ResultTables.CURVES).createOrReplaceTempView("blowup_curves");
        List<Row> curve = spark.sql("SELECT c.step, c.value FROM blowup_curves c WHERE c.trial_id = '"
                + diverged.<String>getAs("trial_id") + "' ORDER BY c.step").collectAsList();
        assertEquals(4, curve.size());
        assertEquals(3.0, curve.get(3).getDouble(1), 1e-12);
        assertEquals(Map.of("done", 2L, "diverged", 2L), candidatesPerStatus(report.layout()));
    }

    /** Status -> candidates of the trials with that status (statuses with none left out). */
    private static Map<String, Long> candidatesPerStatus(ResultLayout layout) {
        ResultTables.read(spark, layout, ResultTables.TRIALS).createOrReplaceTempView("faults_trials");
        ResultTables.read(spark, layout, ResultTables.CANDIDATES).createOrReplaceTempView("faults_candidates");
        return spark.sql("SELECT t.status, count(*) FROM faults_candidates c JOIN faults_trials t "
                + "ON c.trial_id = t.trial_id AND c.commit_id = t.commit_id GROUP BY t.status").collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    }
}
