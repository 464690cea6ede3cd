package ebmopt.models.regression;

import ebmopt.experiment.TrialDivergedException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/** Trains in the calling thread: {@code epochs} passes of minibatch Adam over shuffled data. */
public final class LocalRegressorTrainer implements RegressorTrainer {

    @Override
    public Regressor fit(double[][] x, double[] y, RegressorSettings settings, long seed) {
        int dim = DataSetMinibatches.check(x, y);
        MultiLayerNetwork network = RegressorNetworks.forTraining(dim, settings, seed);
        DataSetMinibatches data = new DataSetMinibatches(x, y, settings.batchSize(), seed);
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (DataSet batch : data.epoch(epoch)) {
                network.fit(batch);
            }
        }
        requireFinite(network, "local");
        return new NetworkRegressor(dim, settings, network);
    }

    /** Fails the trial as diverged when training left a non-finite parameter. */
    static void requireFinite(MultiLayerNetwork network, String trainer) {
        double sum = network.params().sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
            throw new TrialDivergedException("regressor training (" + trainer + ") diverged: non-finite parameters");
        }
    }
}
