package ebmopt.results;

import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

/** A published sweep reads back as it was, and beside the user's own results counts each trial once. */
class PublishedResultsTest {

    @TempDir
    Path dir;

    @Test
    void aPublishedSweepReadsBackBesideTheUsersOwnWithoutDoubleCounting() throws Exception {
        SparkSession spark = TestSweeps.spark();
        Path job = TestSweeps.job(dir, "echo-published", "params.candidates = 2\n"
                + "sweep.grids = [ { replicate = {from = 0, until = 4} } ]\n");
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        ResultLayout sweep = SweepRunner.run(spark, plan).layout();
        String published = dir.resolve("published").toString();

        assertEquals(4, PublishedResults.publish(spark, sweep, published));
        Path folder = dir.resolve("published/echo-published");
        assertTrue(Files.exists(folder.resolve("sweep.conf")) && Files.exists(folder.resolve("publication.conf")));
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".crc") || n.equals("_SUCCESS")), names.toString());
        }
        assertEquals(List.of("echo-published"), PublishedResults.sweeps(published, new Configuration()));

        Map<String, Dataset<Row>> publishedTrials = PublishedResults.readByExperiment(spark, published,
                ResultTables.TRIALS);
        Dataset<Row> ownTrials = ResultTables.read(spark, sweep, ResultTables.TRIALS);
        assertEquals(ownTrials.count(), publishedTrials.get("echo").count());
        assertEquals(4, PublishedResults.readByExperiment(spark, published, ResultTables.CANDIDATES).get("echo")
                .select("trial_id").distinct().count());

        // The user's root holds two of the four trials: those are theirs, the other two published.
        List<String> ids = plan.trials().stream().map(t -> t.trialId()).sorted().toList();
        Dataset<Row> ownTwo = ownTrials.filter(ownTrials.col("trial_id").isin(ids.get(0), ids.get(1)));
        Dataset<Row> merged = PublishedResults.withPublished(Map.of("echo", ownTwo), publishedTrials).get("echo");
        assertEquals(4, merged.count(), "each trial once");
        assertEquals(2, merged.filter("result_set = 'own'").count());
        assertEquals(2, merged.filter("result_set = 'published' AND trial_id NOT IN ('" + ids.get(0) + "', '"
                + ids.get(1) + "')").count());

        // Publishing again replaces the earlier publication's copies of the same trials.
        assertEquals(4, PublishedResults.publish(spark, sweep, published));
        assertEquals(4, PublishedResults.readByExperiment(spark, published, ResultTables.TRIALS).get("echo").count());
        assertEquals(List.of(), PublishedResults.sweeps(dir.resolve("none").toString(), new Configuration()));
    }

    @Test
    void publishingFromAnotherRootKeepsTheTrialsPublishedBefore() throws Exception {
        SparkSession spark = TestSweeps.spark();
        String published = dir.resolve("published").toString();
        // one machine ran replicates 0-3; another (a fresh output root) 2-5 of the same sweep
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        TestSweeps.job(first, "echo-merged", "params.candidates = 2\nsweep.grids = [ { replicate = {from = 0, until = 4} } ]\n");
        TestSweeps.job(second, "echo-merged", "params.candidates = 2\nsweep.grids = [ { replicate = {from = 2, until = 6} } ]\n");
        ResultLayout a = SweepRunner.run(spark, TestSweeps.plan(first.resolve("echo-merged.conf"), first.resolve("out")))
                .layout();
        ResultLayout b = SweepRunner.run(spark, TestSweeps.plan(second.resolve("echo-merged.conf"),
                second.resolve("out"))).layout();
        assertEquals(4, PublishedResults.publish(spark, a, published));
        assertEquals(6, PublishedResults.publish(spark, b, published));
        for (String table : List.of(ResultTables.TRIALS, ResultTables.CANDIDATES)) {
            Dataset<Row> rows = PublishedResults.readByExperiment(spark, published, table).get("echo");
            assertEquals(6, rows.select("trial_id").distinct().count(), table);
        }
        assertEquals(6, PublishedResults.readByExperiment(spark, published, ResultTables.TRIALS).get("echo").count(),
                "the two trials both roots ran appear once");
        assertTrue(Files.readString(dir.resolve("published/echo-merged/publication.conf")).contains("trials = 6"));
    }
}
