package ebmopt.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The driver's progress line: trials done, failed and diverged out of the total, and the
 * time left, estimated from the cost of the trials finished so far (expensive trials run
 * first, so a count-based estimate would be too pessimistic).
 */
final class ProgressMonitor {
    private static final Logger LOG = LoggerFactory.getLogger("ebmopt.progress");

    private final String sweep;
    private final SweepCounters counters;
    private final int total;
    private final double totalCost;
    private final long startNanos = System.nanoTime();

    ProgressMonitor(String sweep, SweepCounters counters, int total, double totalCost) {
        this.sweep = sweep;
        this.counters = counters;
        this.total = total;
        this.totalCost = totalCost;
    }

    /** One progress line, e.g. "[sweep x] 412/900 trials: 410 done, 2 failed, 0 diverged; 1m02s elapsed, ~1m15s left". */
    String line() {
        long finished = counters.finished();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double doneCost = counters.cost().value();
        String left = doneCost > 0 && finished < total
                ? "~" + format(elapsed * (totalCost - doneCost) / doneCost) + " left" : "estimating time left";
        if (finished >= total) {
            left = "finishing";
        }
        return String.format("[sweep %s] %d/%d trials: %d done, %d failed, %d diverged; %s elapsed, %s",
                sweep, finished, total, counters.done().value(), counters.failed().value(),
                counters.diverged().value(), format(elapsed), left);
    }

    void report() {
        LOG.info(line());
    }

    static String format(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        if (d.toHours() > 0) {
            return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
        }
        return String.format("%.1fs", seconds);
    }
}
