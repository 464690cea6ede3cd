package ebmopt.run;

import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;

/**
 * Accumulators the trial tasks update and the driver's progress report reads. Spark merges
 * a task's updates when the task succeeds, so a retried task is counted once.
 *
 * @param done     trials that ended done
 * @param failed   trials that failed (retryable failures included)
 * @param diverged trials that diverged
 * @param dropped  attempts whose trial another attempt had already committed
 * @param cost     the summed cost estimate of finished trials (for the time-left estimate)
 */
public record SweepCounters(LongAccumulator done, LongAccumulator failed, LongAccumulator diverged,
                            LongAccumulator dropped, DoubleAccumulator cost) implements Serializable {

    public static SweepCounters register(SparkContext sc, String sweep) {
        return new SweepCounters(sc.longAccumulator(sweep + ".done"), sc.longAccumulator(sweep + ".failed"),
                sc.longAccumulator(sweep + ".diverged"), sc.longAccumulator(sweep + ".dropped"),
                sc.doubleAccumulator(sweep + ".cost"));
    }

    public long finished() {
        return done.value() + failed.value() + diverged.value() + dropped.value();
    }
}
