package ebmopt.run;

import ebmopt.results.CommittedTrials;
import ebmopt.results.ResultLayout;
import ebmopt.results.ResultTables;
import ebmopt.results.SweepLock;
import ebmopt.results.SweepLockedException;
import ebmopt.results.TrialCommitter;
import ebmopt.results.TrialStatus;
import ebmopt.testing.TestSweeps;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second driver on a running sweep is refused before it touches anything; a trial folder
 * damaged after its commit is skipped by readers and committed again by the next run.
 */
class ConcurrentDriversTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TestSweeps.spark();
    }

    @Test
    void aSecondDriverIsRefusedAndChangesNothing() throws Exception {
        Path job = TestSweeps.job(dir, "echo-locked", "sweep.grids = [ { replicate = {from = 0, until = 2} } ]\n");
        SweepReport first = SweepRunner.run(spark, TestSweeps.plan(job, dir.resolve("out")));
        ResultLayout layout = first.layout();
        Path sweep = dir.resolve("out/echo-locked");
        Files.createDirectories(sweep.resolve("_staging/a-trial-being-written"));
        Map<String, Long> before = files(sweep);

        Path more = TestSweeps.job(dir, "echo-locked", "sweep.grids = [ { replicate = {from = 0, until = 4} } ]\n");
        SweepLock running = SweepLock.acquire(layout, new Configuration());
        try {
            SweepLockedException e = assertThrows(SweepLockedException.class,
                    () -> SweepRunner.run(spark, TestSweeps.plan(more, dir.resolve("out"))));
            assertTrue(e.getMessage().contains("host " + Provenance.host()), e.getMessage());
            assertEquals(before, files(sweep), "the refused driver changed the sweep's files");
        } finally {
            running.close();
        }
        assertFalse(Files.exists(sweep.resolve(ResultLayout.DRIVER_LOCK)));
        SweepReport after = SweepRunner.run(spark, TestSweeps.plan(more, dir.resolve("out")));
        assertEquals(2, after.ran().size());
        assertFalse(Files.exists(sweep.resolve("_staging/a-trial-being-written")), "debris in staging was kept");
        assertFalse(Files.exists(sweep.resolve(ResultLayout.DRIVER_LOCK)), "the lock outlived the run");
    }

    @Test
    void aDamagedTrialFolderIsSkippedByReadersAndCommittedAgain() throws Exception {
        Path job = TestSweeps.job(dir, "echo-damaged", "params.steps = 3\n"
                + "sweep.grids = [ { replicate = {from = 0, until = 4} } ]\n");
        SweepPlan plan = TestSweeps.plan(job, dir.resolve("out"));
        ResultLayout layout = SweepRunner.run(spark, plan).layout();
        Configuration hadoop = new Configuration();
        String damaged = plan.trials().get(0).trialId();
        String before = CommittedTrials.scan(layout, hadoop).get(damaged).commitId();
        Path folder = dir.resolve("out/echo-damaged/results/" + damaged);
        Files.delete(folder.resolve(TrialCommitter.TRIALS_FILE));
        Files.deleteIfExists(folder.resolve("." + TrialCommitter.TRIALS_FILE + ".crc"));

        assertFalse(CommittedTrials.scan(layout, hadoop).containsKey(damaged));
        assertEquals(3L, ResultTables.read(spark, layout, ResultTables.TRIALS).count());
        assertEquals(3 * 3L, ResultTables.read(spark, layout, ResultTables.CURVES).count());

        SweepReport rerun = SweepRunner.run(spark, plan);
        assertEquals(3, rerun.alreadyDone());
        assertEquals(List.of(damaged), rerun.ran().stream().map(TrialSummary::trialId).toList());
        CommittedTrials.Commit now = CommittedTrials.scan(layout, hadoop).get(damaged);
        assertEquals(TrialStatus.DONE, now.status());
        assertNotEquals(before, now.commitId());
        assertTrue(Files.exists(folder.resolve(TrialCommitter.TRIALS_FILE)));
        assertEquals(4L, ResultTables.read(spark, layout, ResultTables.TRIALS).count());
        assertEquals(4 * 3L, ResultTables.read(spark, layout, ResultTables.CURVES).count());
    }

    /**
     * Every file under {@code root} with its modification time, and every folder (-1: a lock
     * attempt touches the sweep folder's time), the lock excepted.
     */
    private static Map<String, Long> files(Path root) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(p -> !p.getFileName().toString().startsWith(ResultLayout.DRIVER_LOCK)).toList()) {
                files.put(root.relativize(p).toString(),
                        Files.isDirectory(p) ? -1L : Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }
}
