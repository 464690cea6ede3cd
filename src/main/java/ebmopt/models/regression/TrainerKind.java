package ebmopt.models.regression;

/** Where a regressor is trained. */
public enum TrainerKind {
    /** In the trial's own thread: minibatch Adam over the whole data set. */
    LOCAL,
    /**
     * Data-parallel on the cluster (Deeplearning4j's parameter averaging); the trial must run
     * on the driver, where the Spark context is ({@code Experiment.runsOnDriver}).
     */
    SPARK
}
