package ebmopt.results;

import ebmopt.experiment.TrialOutcome.CurvePoint;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshot versions: readers finish while refreshes swap the snapshot, the layout before
 * versions is read and migrated, and folders no reader can hold are deleted after the grace period.
 */
class SnapshotVersionsTest {
    private static final Duration HOURS_LATER = Duration.ofHours(2);

    @TempDir
    Path dir;

    @Test
    void readersFinishWhileRefreshesSwapTheSnapshot() throws Exception {
        SparkSession spark = TestSweeps.spark();
        ResultLayout layout = sweep("echo-swaps", 2);
        Configuration hadoop = new Configuration();
        TrialCommitter committer = new TrialCommitter(layout, hadoop);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                int before = CommittedTrials.scan(layout, hadoop).size();
                try {
                    long count = SweepTables.read(spark, layout, ResultTables.TRIALS).count();
                    int after = CommittedTrials.scan(layout, hadoop).size();
                    if (count < before || count > after) {
                        failures.add(count + " trials read, " + before + " to " + after + " committed");
                    }
                } catch (RuntimeException e) {
                    failures.add(e.toString());
                }
                reads.incrementAndGet();
            }
        });
        // A short grace period, far above a read's time here, so that versions are also deleted meanwhile.
        Duration grace = Duration.ofSeconds(15);
        // 15 swaps, fewer where a loaded machine would take more than 40 s.
        int swaps = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        try {
            while (swaps < 15 && (swaps < 3 || System.nanoTime() < deadline)) {
                committer.commit(SweepTablesTest.record("swap" + swaps, swaps), List.of(new CurvePoint("c", 0, swaps)),
                        List.of());
                assertTrue(SweepTables.refreshSnapshot(spark, layout, Clock.systemUTC(), grace), "swap " + swaps);
                swaps++;
            }
        } finally {
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), failures, reads.get() + " reads");
        assertTrue(reads.get() >= swaps / 2, "only " + reads.get() + " reads during " + swaps + " swaps");
        assertEquals(2L + swaps, SweepTables.read(spark, layout, ResultTables.TRIALS).count());

        // An hour on, only the current version is left.
        assertFalse(SweepTables.refreshSnapshot(spark, layout, Clock.offset(Clock.systemUTC(), HOURS_LATER),
                SnapshotVersions.GRACE));
        assertEquals(List.of(SweepTables.currentSnapshot(layout, hadoop).orElseThrow().getName()),
                names(dir.resolve("out/echo-swaps/snapshots")));
    }

    @Test
    void aSnapshotOfTheLayoutBeforeVersionsIsReadThenMigrated() throws Exception {
        SparkSession spark = TestSweeps.spark();
        ResultLayout layout = sweep("echo-legacy", 3);
        Configuration hadoop = new Configuration();
        // Make it the older layout: the snapshot in snapshot/, no versions, no pointer.
        Path sweep = dir.resolve("out/echo-legacy");
        Path version = Path.of(SweepTables.currentSnapshot(layout, hadoop).orElseThrow().toUri());
        Files.move(version, sweep.resolve("snapshot"));
        Files.delete(sweep.resolve(SnapshotVersions.VERSIONS));
        Files.delete(sweep.resolve(SnapshotVersions.POINTER));

        assertEquals(layout.legacySnapshot(), SweepTables.currentSnapshot(layout, hadoop).orElseThrow());
        assertEquals(3L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
        assertTrue(ViewScripts.statements(spark, dir.resolve("out").toString()).stream()
                .anyMatch(s -> s.contains("/echo-legacy/snapshot/trials'")), "no view over snapshot/");

        // The next refresh writes a version though the commits are the same; snapshot/ stays for the grace period.
        assertTrue(SweepTables.refreshSnapshot(spark, layout));
        Path current = Path.of(SweepTables.currentSnapshot(layout, hadoop).orElseThrow().toUri());
        assertEquals(sweep.resolve(SnapshotVersions.VERSIONS), current.getParent());
        assertTrue(Files.isDirectory(sweep.resolve("snapshot")), "snapshot/ deleted while a reader may hold it");
        assertEquals(3L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
        assertFalse(SweepTables.refreshSnapshot(spark, layout), "a current snapshot was rewritten");

        assertFalse(SweepTables.refreshSnapshot(spark, layout, Clock.offset(Clock.systemUTC(), HOURS_LATER),
                SnapshotVersions.GRACE));
        assertFalse(Files.exists(sweep.resolve("snapshot")), "snapshot/ kept past the grace period");
        assertEquals(3L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
    }

    @Test
    void foldersOfFailedWritesAndReplacedVersionsGoAfterTheGracePeriod() throws Exception {
        SparkSession spark = TestSweeps.spark();
        ResultLayout layout = sweep("echo-clean", 2);
        Configuration hadoop = new Configuration();
        Path sweep = dir.resolve("out/echo-clean");
        Path versions = sweep.resolve(SnapshotVersions.VERSIONS);
        String first = SweepTables.currentSnapshot(layout, hadoop).orElseThrow().getName();
        // Writes that failed (a full disk) two hours ago and just now, one of the layout before versions,
        // and a pointer write killed before its rename.
        String stale = SnapshotVersions.newVersion(Clock.offset(Clock.systemUTC(), HOURS_LATER.negated()));
        String recent = SnapshotVersions.newVersion(Clock.systemUTC());
        Files.createDirectories(versions.resolve(stale).resolve("trials"));
        Files.createDirectories(versions.resolve(recent).resolve("trials"));
        Path oldWrite = Files.createDirectories(sweep.resolve("_snapshot-" + java.util.UUID.randomUUID()));
        Path pointerWrite = Files.writeString(sweep.resolve("." + SnapshotVersions.POINTER + ".x.tmp"), "killed");
        for (Path p : List.of(oldWrite, pointerWrite)) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - HOURS_LATER.toMillis()));
        }

        new TrialCommitter(layout, hadoop).commit(SweepTablesTest.record("added", 1.0), List.of(), List.of());
        assertTrue(SweepTables.refreshSnapshot(spark, layout));
        String second = SweepTables.currentSnapshot(layout, hadoop).orElseThrow().getName();
        assertEquals(Stream.of(first, second, recent).sorted().toList(), names(versions),
                "the stale unfinished write is left, or a version a reader may hold is gone");
        assertFalse(Files.exists(oldWrite), "the older layout's unfinished write is left");
        assertFalse(Files.exists(pointerWrite), "a killed pointer write is left");
        assertEquals(3L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());

        assertFalse(SweepTables.refreshSnapshot(spark, layout, Clock.offset(Clock.systemUTC(), HOURS_LATER),
                SnapshotVersions.GRACE));
        assertEquals(List.of(second), names(versions));
        assertEquals(3L, SweepTables.read(spark, layout, ResultTables.TRIALS).count());
    }

    /** Runs an echo sweep of {@code trials} trials under dir/out, which writes its first snapshot version. */
    private ResultLayout sweep(String name, int trials) {
        Path job = TestSweeps.job(dir, name, "sweep.grids = [ { replicate = {from = 0, until = " + trials + "} } ]\n");
        return SweepRunner.run(TestSweeps.spark(), TestSweeps.plan(job, dir.resolve("out"))).layout();
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
