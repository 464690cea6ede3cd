package ebmopt.experiment;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One kind of trial: a model family or simulation with its own parameter record. A new
 * experiment is one class implementing this interface plus one line in
 * {@code META-INF/services/ebmopt.experiment.Experiment}.
 *
 * <p>Implementations are stateless; a trial is a call of {@link #run} on an executor.
 *
 * @param <P> the experiment's parameters: an immutable record validated in its constructor
 */
public interface Experiment<P extends Record> {

    /** The name job files use in {@code job.experiment}. */
    String name();

    /** The parameter record, bound strictly from the {@code params} block. */
    Class<P> paramsType();

    /** Classpath resource holding the defaults of every parameter (HOCON, keys at top level). */
    String defaultsResource();

    /**
     * A relative cost estimate of a trial, used to start expensive trials first so that
     * executors finish together. Only the order matters.
     */
    default double costEstimate(P params) {
        return 1.0;
    }

    /**
     * Whether this trial runs on the driver instead of in an executor task: a trial that
     * starts Spark jobs of its own (a regressor trained with {@code trainer = spark}) needs
     * the driver's Spark context ({@link TrialContext#sparkContext()}), which exists only
     * there. The runner runs such trials one after another on the driver, after the trials
     * spread over the executors; they are committed, counted and resumed like any other.
     */
    default boolean runsOnDriver(P params) {
        return false;
    }

    /**
     * Driver-side preparation, once per sweep run before its trials start: work the trials
     * need that only the driver can do, such as training a re-trained oracle with Spark's
     * MLlib (a trial on an executor cannot start Spark jobs). {@code pending} holds the
     * parameters of the trials about to run. Nothing by default.
     */
    default void prepareOnDriver(SparkSession spark, Path dataDir, List<P> pending) {
    }

    /**
     * Sampling a trained trial again with other sampler settings, without retraining
     * ({@code submit/resample}), where the experiment offers it; empty by default.
     */
    default Optional<Resampling<P>> resampling() {
        return Optional.empty();
    }

    /**
     * Checks on the driver, while the sweep is planned (before Spark starts, and in a dry
     * run), that what a trial with these parameters reads is there and intact, e.g. that its
     * task is known and the task's data files are present and match their checksums. Called
     * for every trial, so keep repeated checks cheap. Nothing by default.
     *
     * @throws IllegalArgumentException naming an unknown input (a task name) and the known ones
     * @throws RuntimeException          that is an {@link EnvironmentFailure}, naming a missing or corrupt file
     */
    default void checkInputs(P params, Path dataDir) {
    }

    /**
     * Runs one trial. Throw {@link TrialDivergedException} for a numerically diverged run;
     * any other exception marks the trial failed, or retryable when missing data or I/O
     * caused it (a {@code TaskDataException} or an {@code IOException} among its causes: the
     * sweep's next run runs it again). Spark retries none of them.
     */
    TrialOutcome run(P params, TrialContext context) throws Exception;
}
