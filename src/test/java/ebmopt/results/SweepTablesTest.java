package ebmopt.results;

import ebmopt.experiment.TrialOutcome.Candidate;
import ebmopt.experiment.TrialOutcome.CurvePoint;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import ebmopt.testing.EchoParams;
import ebmopt.testing.TestSweeps;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot is a cache: reads mix it with trials committed or replaced since, and never
 * show a stale or duplicate row; results of versions before the candidates table still read.
 */
class SweepTablesTest {

    @TempDir
    Path dir;

    @Test
    void readsPreferTheCurrentCommitOverTheSnapshot() throws Exception {
        SparkSession spark = TestSweeps.spark();
        Path job = TestSweeps.job(dir, "echo-snapshot", "params.candidates = 2\n"
                + "sweep.grids = [ { replicate = {from = 0, until = 4} } ]\n");
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        SweepReport report = SweepRunner.run(spark, plan);
        ResultLayout layout = report.layout();
        assertTrue(SweepTables.currentSnapshot(layout, new Configuration()).isPresent(), "no snapshot after a run");
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
        committer.commit(record(replaced, 42.0), List.of(new CurvePoint("c", 0, 42.0)),
                List.of(new Candidate(0, "replacement", 42.0, 0.42)));
        committer.commit(record("0000new0000trial", 7.0), List.of(new CurvePoint("c", 0, 7.0)), List.of());

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
        // Candidates: 2 per untouched trial, the replacement's 1 (not the 2 of the commit it replaced), none new.
        List<String> expected = candidates(spark, layout);
        assertEquals(3 * 2 + 1, expected.size(), expected.toString());
        String replacedCommit = CommittedTrials.scan(layout, hadoop).get(replaced).commitId();
        assertTrue(expected.contains(replaced + " 0 replacement 42.0 0.42 " + replacedCommit), expected.toString());
        String untouched = plan.trials().get(1).trialId();
        String untouchedCommit = CommittedTrials.scan(layout, hadoop).get(untouched).commitId();
        assertTrue(expected.containsAll(List.of(untouched + " 0 1,0 1.0 0.0 " + untouchedCommit,
                untouched + " 1 1,1 2.0 0.5 " + untouchedCommit)), expected.toString());

        assertTrue(SweepTables.refreshSnapshot(spark, layout));
        assertEquals(42.0, SweepTables.read(spark, layout, ResultTables.TRIALS)
                .where("trial_id = '" + replaced + "'").selectExpr("metrics['value']").first().getDouble(0));
        assertEquals(5L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
        // The snapshot holds exactly the same candidates, and readers now take them from it.
        assertEquals(7L, spark.read().parquet(SweepTables.currentSnapshot(layout, hadoop).orElseThrow() + "/"
                + ResultTables.CANDIDATES).count());
        assertEquals(expected, candidates(spark, layout));
    }

    @Test
    void resultsWrittenBeforeTheCandidatesTableStillReadAndResume() throws Exception {
        SparkSession spark = TestSweeps.spark();
        Path job = TestSweeps.job(dir, "echo-old", "params.candidates = 2\n"
                + "sweep.grids = [ { replicate = {from = 0, until = 3} } ]\n");
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        ResultLayout layout = SweepRunner.run(spark, plan).layout();
        StructType schema = SweepTables.read(spark, layout, ResultTables.CANDIDATES).schema();
        // Make it a sweep of an older version: no candidates.parquet in its folders, none in its snapshot.
        Path sweep = dir.resolve("out/echo-old");
        try (Stream<Path> files = Files.walk(sweep)) {
            List<Path> candidateFiles = files.filter(p -> p.getFileName().toString().contains("candidates")).toList();
            assertEquals(3 * 2 + 1, candidateFiles.size(), "trial files and their .crc, and the snapshot's folder");
            for (Path p : candidateFiles) {
                FileUtils.forceDelete(p.toFile());
            }
        }

        assertEquals(3L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
        Dataset<Row> none = SweepTables.read(spark, layout, ResultTables.CANDIDATES);
        assertEquals(schema, none.schema(), "the empty table's columns differ from written ones");
        assertEquals(0L, none.count());
        assertTrue(ViewScripts.statements(spark, dir.resolve("out").toString()).stream()
                .noneMatch(s -> s.contains(" candidates ")), "a view over a snapshot without candidates");

        // Resuming with nothing to run upgrades the snapshot; trials added later bring their candidates.
        assertEquals(0, SweepRunner.run(spark, plan).ran().size());
        assertTrue(Files.isDirectory(Path.of(SweepTables.currentSnapshot(layout, new Configuration()).orElseThrow()
                .toUri()).resolve("candidates")), "the old snapshot was not upgraded");
        assertEquals(0L, SweepTables.read(spark, layout, ResultTables.CANDIDATES).count());
        Path more = TestSweeps.job(dir, "echo-old", "params.candidates = 2\n"
                + "sweep.grids = [ { replicate = {from = 0, until = 5} } ]\n");
        assertEquals(2, SweepRunner.run(spark, TestSweeps.plan(more, dir.resolve("out"))).ran().size());
        List<Row> rows = SweepTables.read(spark, layout, ResultTables.CANDIDATES)
                .selectExpr("design").orderBy("design").collectAsList();
        assertEquals(List.of("3,0", "3,1", "4,0", "4,1"), rows.stream().map(r -> r.getString(0)).toList());
        assertEquals(5L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
        List<String> statements = ViewScripts.statements(spark, dir.resolve("out").toString());
        assertTrue(statements.stream().anyMatch(s -> s.contains(" candidates ")), statements.toString());
    }

    /** Every candidate as "trial idx design score normalised commit", sorted. */
    private static List<String> candidates(SparkSession spark, ResultLayout layout) {
        return SweepTables.read(spark, layout, ResultTables.CANDIDATES)
                .selectExpr("concat_ws(' ', trial_id, idx, design, score, normalised, commit_id)")
                .as(Encoders.STRING()).collectAsList().stream().sorted().toList();
    }

    /** A done echo trial of the sweep echo-snapshot whose metric "value" is {@code value}. */
    static TrialRecord record(String id, double value) {
        return new TrialRecord(id, "echo-snapshot", null, "echo", 0, 1L, TrialStatus.DONE, null,
                new EchoParams(value, -1, "", -1, -1, 0, 1, 0, false), Map.of("value", value), "{}", "test", "jvm", "host",
                Map.of(), Map.of(), 0L, 1L, 0);
    }
}
