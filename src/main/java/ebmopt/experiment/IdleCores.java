package ebmopt.experiment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cores of this JVM that no trial is using, lent to a trial's own parallel work. Every
 * running trial occupies one core ({@link #occupy}); a trial that can split a step in two asks
 * for a second core with {@link #runBoth}, which runs the halves at once only while a core is
 * idle: a lone trial, or the last trials of a sweep, use the cores the others have left, and
 * a full machine runs one trial per core as before. A step computes the same either way; only
 * its wall time changes.
 */
public final class IdleCores {
    /** The cores of this JVM: the machine's, or fewer where Spark gives an executor fewer ({@link #limitTo}). */
    private static volatile int cores = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger BUSY = new AtomicInteger();
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "ebmopt-idle-core");
        t.setDaemon(true);
        return t;
    });

    private IdleCores() {
    }

    /**
     * Counts at most {@code executorCores} cores (Spark's {@code spark.executor.cores}, where an
     * executor shares its machine with others): a trial never borrows a core of another executor.
     */
    public static void limitTo(int executorCores) {
        cores = Math.max(1, Math.min(executorCores, Runtime.getRuntime().availableProcessors()));
    }

    /** Marks one core busy until the returned handle is closed (one per running trial). */
    public static Occupation occupy() {
        BUSY.incrementAndGet();
        return BUSY::decrementAndGet;
    }

    /** The cores of this JVM not occupied at this moment. */
    public static int idle() {
        return Math.max(0, cores - BUSY.get());
    }

    /**
     * Runs {@code first} in this thread and {@code second} on an idle core at the same time, when
     * one is idle; otherwise runs {@code first} then {@code second} here. Returns when both have
     * finished; an exception of either is thrown here (the first's when both throw).
     */
    public static void runBoth(Runnable first, Runnable second) {
        if (!borrow()) {
            first.run();
            second.run();
            return;
        }
        CompletableFuture<Void> other;
        try {
            other = CompletableFuture.runAsync(() -> {
                try {
                    second.run();
                } finally {
                    BUSY.decrementAndGet();  // before join() returns, so the next step may borrow again
                }
            }, HELPERS);
        } catch (RuntimeException e) {
            BUSY.decrementAndGet();
            throw e;
        }
        try {
            first.run();
        } catch (RuntimeException | Error e) {
            other.exceptionally(ignored -> null).join();  // the halves never outlive the call
            throw e;
        }
        try {
            other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static boolean borrow() {
        while (true) {
            int busy = BUSY.get();
            // the calling thread's own core counts as busy even outside a trial
            if (Math.max(busy, 1) + 1 > cores) {
                return false;
            }
            if (BUSY.compareAndSet(busy, busy + 1)) {
                return true;
            }
        }
    }

    /** One occupied core; closing it frees the core. */
    @FunctionalInterface
    public interface Occupation extends AutoCloseable {
        @Override
        void close();
    }
}
