package ebmopt.experiment;

import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running trial may know of its surroundings.
 */
public interface TrialContext {

    /** The trial's identity (a hash of its canonical configuration). */
    String trialId();

    /** The seed every random draw of the trial derives from. */
    long seed();

    /** The replicate index within its configuration. */
    int replicate();

    /** The configured data directory ({@code data.dir}). */
    Path dataDir();

    /**
     * Reports progress of a long trial; the runner logs it at most once per
     * {@code run.trial-progress-interval}. Cheap enough to call every step.
     */
    void progress(long step, long totalSteps);

    /** Where the trial may save its state to resume after an interruption (none by default). */
    default TrialCheckpoints checkpoints() {
        return TrialCheckpoints.none();
    }

    /**
     * The driver's Spark context, for data-parallel work inside the trial: present only when
     * the trial runs on the driver ({@link Experiment#runsOnDriver}), empty in executor tasks.
     */
    default Optional<JavaSparkContext> sparkContext() {
        return Optional.empty();
    }
}
