package ebmopt.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Medians of wall time and of CPU time per call. On a shared machine the CPU time is the
 * steadier figure: with one OpenMP and one BLAS thread the native work runs on the calling
 * thread, and time spent waiting for a core does not count. Thread CPU time has nanosecond
 * resolution but misses other threads (GC); process CPU time counts every thread of the JVM
 * but ticks in 10 ms steps on Linux, so it is only meaningful for long calls.
 *
 * @param wallMs    median wall-clock milliseconds
 * @param threadMs  median CPU milliseconds of the calling thread
 * @param processMs median CPU milliseconds of the whole JVM (10 ms resolution)
 */
record Timing(double wallMs, double threadMs, double processMs) {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Times {@code runs} calls after {@code warmup} untimed ones. */
    static Timing of(Runnable r, int runs, int warmup) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        double[] wall = new double[runs];
        double[] thread = new double[runs];
        double[] process = new double[runs];
        for (int i = 0; i < runs; i++) {
            long p0 = OS.getProcessCpuTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.run();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            thread[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
            process[i] = (OS.getProcessCpuTime() - p0) / 1e6;
        }
        return new Timing(median(wall), median(thread), median(process));
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** CPU milliseconds to quote: the thread's, or the process's where other threads did more. */
    double cpuMs() {
        return processMs > 30 ? Math.max(threadMs, processMs) : threadMs;
    }

    @Override
    public String toString() {
        return String.format("wall %.2f ms, thread cpu %.2f ms, process cpu %.0f ms", wallMs, threadMs, processMs);
    }
}
