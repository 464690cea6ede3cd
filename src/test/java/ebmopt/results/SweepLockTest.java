package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One driver per sweep: a live lock refuses a second driver and names the first; a lock whose
 * heartbeat is stale, or whose process on this host is gone, is taken over, by exactly one of
 * two drivers racing for it; a driver releases only its own lock.
 */
class SweepLockTest {
    /** No heartbeat during a test unless it asks for one. */
    private static final Duration NO_BEAT = Duration.ofHours(1);
    private final Configuration hadoop = new Configuration();

    @TempDir
    Path dir;

    @Test
    void aLiveLockRefusesASecondDriverNamingIt() throws Exception {
        DriverIdentity here = DriverIdentity.current();
        SweepLock first = SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER);
        SweepLockedException e = assertThrows(SweepLockedException.class,
                () -> SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER));
        for (String part : List.of("host " + here.host(), "pid " + here.pid(), "started ", layout().sweepDir())) {
            assertTrue(e.getMessage().contains(part), part + " missing from: " + e.getMessage());
        }
        first.close();
        assertFalse(Files.exists(lockFile()), "the lock outlived its driver");
        SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER).close();
    }

    @Test
    void aStaleLockIsTakenOverAndAFreshForeignOneIsNot() throws Exception {
        writeLock("elsewhere", 4242, Instant.now());
        SweepLockedException e = assertThrows(SweepLockedException.class,
                () -> SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER));
        assertTrue(e.getMessage().contains("host elsewhere, pid 4242"), e.getMessage());

        Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(120)));
        SweepLock taken = SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER);
        DriverIdentity holder = DriverIdentity.parse(Files.readAllBytes(lockFile())).orElseThrow();
        assertEquals(ProcessHandle.current().pid(), holder.pid());
        taken.close();
        assertFalse(Files.exists(lockFile()));
    }

    @Test
    void aLockWhoseProcessOnThisHostIsGoneIsTakenOverAtOnce() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS));
        writeLock(DriverIdentity.current().host(), gone.pid(), Instant.now());
        SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER).close();
    }

    @Test
    void theHeartbeatKeepsTheLockFreshAndAReleaseLeavesAnotherDriversLock() throws Exception {
        SweepLock beating = SweepLock.acquire(layout(), hadoop, Duration.ofMillis(50), SweepLock.STALE_AFTER);
        Instant old = Instant.now().minusSeconds(120);
        Files.setLastModifiedTime(lockFile(), FileTime.from(old));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.getLastModifiedTime(lockFile()).toInstant().isBefore(Instant.now().minusSeconds(60))) {
            assertTrue(System.nanoTime() < deadline, "no heartbeat within 10 s");
            Thread.sleep(20);
        }
        beating.close();

        SweepLock dead = SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER);
        Files.setLastModifiedTime(lockFile(), FileTime.from(old));
        SweepLock successor = SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER);
        byte[] successors = Files.readAllBytes(lockFile());
        dead.close();
        assertTrue(Files.exists(lockFile()), "a driver released the lock another had taken over");
        assertEquals(new String(successors), new String(Files.readAllBytes(lockFile())));
        successor.close();
        assertFalse(Files.exists(lockFile()));
    }

    /** The race that once left two drivers both refused: the winner found its new lock moved aside. */
    @Test
    void aNewLockMovedAsideForAMomentIsReadOnceItIsBack() throws Exception {
        org.apache.hadoop.fs.Path lock = layout().driverLock();
        org.apache.hadoop.fs.FileSystem fs = AtomicFiles.rawFileSystem(lock, hadoop);
        byte[] mine = DriverIdentity.current().format();
        Files.createDirectories(lockFile().getParent());
        Thread racer = new Thread(() -> {
            try {
                Thread.sleep(200);
                Files.write(lockFile(), mine);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        racer.start();
        Optional<SweepLock.Held> back = SweepLock.settled(fs, lock, Duration.ofSeconds(10));
        racer.join();
        assertTrue(back.isPresent(), "the lock was judged gone while a racer held it aside");
        assertArrayEquals(mine, back.get().content());

        Files.delete(lockFile());
        assertTrue(SweepLock.settled(fs, lock, Duration.ofMillis(100)).isEmpty(), "a lock never put back");
    }

    @Test
    void twoDriversRacingForAStaleLockOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 100; round++) {
                writeLock("elsewhere", 4242, Instant.now().minusSeconds(120));
                Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(120)));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<SweepLock>> drivers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    drivers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            return SweepLock.acquire(layout(), hadoop, NO_BEAT, SweepLock.STALE_AFTER);
                        } catch (SweepLockedException e) {
                            return null;
                        }
                    }));
                }
                List<SweepLock> winners = new ArrayList<>();
                for (Future<SweepLock> driver : drivers) {
                    SweepLock won = driver.get(30, TimeUnit.SECONDS);
                    if (won != null) {
                        winners.add(won);
                    }
                }
                assertEquals(1, winners.size(), "round " + round + ": winners " + winners.size());
                winners.forEach(SweepLock::close);
                assertFalse(Files.exists(lockFile()), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeLock(String host, long pid, Instant started) throws Exception {
        DriverIdentity other = new DriverIdentity("other", host, pid, DriverIdentity.current().pidNamespace(), started);
        Files.createDirectories(lockFile().getParent());
        Files.write(lockFile(), other.format());
    }

    private Path lockFile() {
        return dir.resolve("sweep").resolve(ResultLayout.DRIVER_LOCK);
    }

    private ResultLayout layout() {
        return new ResultLayout(dir.resolve("sweep").toUri().toString().replaceAll("/$", ""));
    }
}
