package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One driver per sweep at a time: {@code <sweep>/_driver.lock}, created atomically, names the
 * driver holding it (host, pid, start time, a random id), and its modification time is the
 * driver's heartbeat, touched every {@link #HEARTBEAT} by a daemon thread. A second driver is
 * refused with a {@link SweepLockedException} while the lock is live; a lock whose heartbeat
 * is older than {@link #STALE_AFTER}, or whose driver ran on this host and its process is
 * gone, is taken over. Closing releases the lock if it is still ours (a shutdown hook does
 * too, on Ctrl-C). Drivers on different hosts must have clocks within a few seconds.
 */
public final class SweepLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SweepLock.class);
    /** How often the holder touches its lock. A constant: no deployment has needed another. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** A lock untouched this long belongs to a dead driver (six missed heartbeats). */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 3;
    /** How long a lock we just created may be missing while a racer checks it aside. */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final FileSystem fs;
    private final Path lock;
    private final byte[] mine;
    private final ScheduledExecutorService heartbeat;
    private final Thread onShutdown;
    private boolean closed;

    private SweepLock(FileSystem fs, Path lock, byte[] mine, Duration interval) {
        this.fs = fs;
        this.lock = lock;
        this.mine = mine;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "sweep-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        this.onShutdown = new Thread(this::release, "sweep-lock-release");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /** Takes the sweep's lock, or throws {@link SweepLockedException} naming the live driver holding it. */
    public static SweepLock acquire(ResultLayout layout, Configuration conf) {
        return acquire(layout, conf, HEARTBEAT, STALE_AFTER);
    }

    static SweepLock acquire(ResultLayout layout, Configuration conf, Duration interval, Duration staleAfter) {
        Path lock = layout.driverLock();
        DriverIdentity me = DriverIdentity.current();
        byte[] mine = me.format();
        try {
            FileSystem fs = AtomicFiles.rawFileSystem(lock, conf);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (AtomicFiles.createNew(fs, lock, mine)) {
                    Optional<Held> now = settled(fs, lock, SETTLE);
                    if (now.isEmpty()) {
                        continue; // moved aside and never put back: take it again
                    }
                    if (!Arrays.equals(now.get().content(), mine)) {
                        throw refused(layout, now.get(), staleAfter);
                    }
                    return new SweepLock(fs, lock, mine, interval);
                }
                Optional<Held> held = Held.read(fs, lock);
                if (held.isEmpty()) {
                    continue; // released in between
                }
                if (Arrays.equals(held.get().content(), mine)) {
                    return new SweepLock(fs, lock, mine, interval); // ours, put back by a racer
                }
                if (held.get().alive(me, staleAfter)) {
                    throw refused(layout, held.get(), staleAfter);
                }
                // Move the dead driver's lock aside; if what moved is not the lock judged dead, another
                // driver took over in between: give its lock back.
                Path aside = new Path(lock.getParent(), ResultLayout.DRIVER_LOCK + ".stale." + me.id());
                if (!AtomicFiles.moveAway(fs, lock, aside)) {
                    continue;
                }
                Optional<Held> moved = Held.read(fs, aside);
                if (moved.isPresent() && !Arrays.equals(moved.get().content(), held.get().content())) {
                    if (!AtomicFiles.moveBack(fs, aside, lock)) {
                        fs.delete(aside, false);
                        LOG.error("[sweep lock] could not put back the lock of {} at {}", moved.get().describe(), lock);
                    }
                    throw refused(layout, moved.get(), staleAfter);
                }
                fs.delete(aside, false);
                LOG.warn("[sweep lock] took over {} from a driver that is gone ({})", lock, held.get().describe());
            }
            throw new SweepLockedException("could not take the lock " + lock + " in " + ATTEMPTS
                    + " attempts: other drivers of the sweep are starting at the same time");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lock " + lock, e);
        }
    }

    /**
     * The lock as it stands once no racer holds it aside. A driver that judged the previous
     * lock dead may have moved ours aside just after we created it; it finds the content is
     * not the one it judged and puts it back within moments, so a missing lock is read again
     * for up to {@code wait} before it counts as gone.
     */
    static Optional<Held> settled(FileSystem fs, Path lock, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<Held> now = Held.read(fs, lock);
        while (now.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the lock " + lock, e);
            }
            now = Held.read(fs, lock);
        }
        return now;
    }

    private static SweepLockedException refused(ResultLayout layout, Held held, Duration staleAfter) {
        return new SweepLockedException("the sweep " + layout.sweepDir() + " is being run by another driver ("
                + held.describe()
                + "); two drivers on one sweep can damage its results. Wait for it to end or stop it: its lock "
                + layout.driverLock() + " is taken over once its process is gone (same host) or its heartbeat is "
                + staleAfter.toSeconds() + " s old");
    }

    /** Touches the lock, unless another driver holds it now (then stops, with an error). */
    private void beat() {
        try {
            Optional<Held> now = Held.read(fs, lock);
            if (now.isEmpty()) {
                LOG.warn("[sweep lock] {} is missing; looking again in the next beat", lock);
            } else if (!Arrays.equals(now.get().content(), mine)) {
                LOG.error("[sweep lock] lost {}: it is now held by {}; another driver may be running the sweep",
                        lock, now.get().describe());
                heartbeat.shutdown();
            } else {
                fs.setTimes(lock, System.currentTimeMillis(), -1);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("[sweep lock] heartbeat on {} failed (retried in the next beat): {}", lock, e.toString());
        }
    }

    /** Stops the heartbeat and deletes the lock if it is still ours. */
    @Override
    public synchronized void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running or has run
        }
    }

    private synchronized void release() {
        if (closed) {
            return;
        }
        closed = true;
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
            Optional<Held> now = Held.read(fs, lock);
            if (now.isPresent() && Arrays.equals(now.get().content(), mine)) {
                fs.delete(lock, false);
            }
        } catch (IOException e) {
            LOG.warn("[sweep lock] could not release {} (taken over once stale): {}", lock, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A lock file as read: its bytes, its holder if they parse, and its heartbeat. */
    record Held(byte[] content, Optional<DriverIdentity> holder, long heartbeatMs) {

        /**
         * The lock file at {@code file}; empty if there is none. The content is read before the
         * time: should the file be replaced in between, the time is the newer file's, so a fresh
         * lock is never judged by a stale one's heartbeat.
         */
        static Optional<Held> read(FileSystem fs, Path file) throws IOException {
            try {
                byte[] content;
                try (FSDataInputStream in = fs.open(file)) {
                    content = in.readAllBytes();
                }
                long modified = fs.getFileStatus(file).getModificationTime();
                return Optional.of(new Held(content, DriverIdentity.parse(content), modified));
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
        }

        /** Whether its driver may still be running, as seen from {@code me}. */
        boolean alive(DriverIdentity me, Duration staleAfter) {
            if (System.currentTimeMillis() - heartbeatMs >= staleAfter.toMillis()) {
                return false;
            }
            return holder.map(h -> !h.goneFrom(me)).orElse(true);
        }

        String describe() {
            long age = Math.max(0, (System.currentTimeMillis() - heartbeatMs) / 1000);
            return holder.map(DriverIdentity::describe).orElse("a driver whose lock file is not readable yet")
                    + ", last heartbeat " + age + " s ago";
        }
    }
}
