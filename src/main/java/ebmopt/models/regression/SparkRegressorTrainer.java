package ebmopt.models.regression;

import ebmopt.experiment.TrialDivergedException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains data-parallel on the cluster with Deeplearning4j's parameter averaging: each of W
 * workers fits {@code averaging-frequency} minibatches of its share of the data from the
 * current parameters, then the driver averages the W parameter vectors (and Adam's state),
 * and so on over the epoch. Runs on the driver: it needs the driver's Spark context.
 *
 * <p>Why parameter averaging, not DL4J's gradient sharing ({@code SharedTrainingMaster}):
 * it ships with dl4j-spark (gradient sharing needs dl4j-spark-parameterserver and its Aeron
 * UDP transport between executors, with ports open and a configured network mask), it uses
 * nothing but Spark jobs and broadcasts, so it runs unchanged on local[*] and a standalone
 * cluster, and it trains well with this stack (docs/results-log.md, data-parallel training).
 *
 * <p>Minibatches go to the workers as an in-memory RDD ({@link RDDTrainingApproach#Direct}):
 * DL4J's default export approach writes them to {@code /tmp/hadoop-<user>/dl4j} on the
 * node that exports and leaves them there (docs/development.md, "Known library issues"), which
 * also breaks on a cluster whose executors do not share that folder. The score is never
 * computed on the cluster (docs/development.md: DL4J's {@code calculateScore} before the first
 * fit fails intermittently).
 */
public final class SparkRegressorTrainer implements RegressorTrainer {
    private final JavaSparkContext spark;

    public SparkRegressorTrainer(JavaSparkContext spark) {
        this.spark = spark;
    }

    @Override
    public Regressor fit(double[][] x, double[] y, RegressorSettings settings, long seed) {
        int dim = DataSetMinibatches.check(x, y);
        int workers = settings.sparkWorkers() > 0 ? settings.sparkWorkers() : spark.defaultParallelism();
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(workers,
                settings.batchSize())
                .batchSizePerWorker(settings.batchSize())
                .averagingFrequency(settings.averagingFrequency())
                .workerPrefetchNumBatches(0)
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .rngSeed(seed)
                .collectTrainingStats(false)
                .build();
        SparkDl4jMultiLayer trainer = new SparkDl4jMultiLayer(spark,
                RegressorNetworks.forTraining(dim, settings, seed), master);
        DataSetMinibatches data = new DataSetMinibatches(x, y, settings.batchSize(), seed);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            JavaRDD<DataSet> batches = spark.parallelize(data.epoch(epoch), workers);
            try {
                trainer.fit(batches);
            } finally {
                batches.unpersist(false);
            }
        }
        MultiLayerNetwork network = trainer.getNetwork();
        requireFinite(network);
        return new NetworkRegressor(dim, settings, network);
    }

    /** Fails the trial as diverged when training left a non-finite parameter. */
    private static void requireFinite(MultiLayerNetwork network) {
        double sum = network.params().sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            throw new TrialDivergedException("regressor training (spark) diverged: non-finite parameters");
        }
    }
}
