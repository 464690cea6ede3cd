package ebmopt.models.regression;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.lossfunctions.impl.LossWasserstein;

/**
 * The network of a regressor: dense hidden layers, a linear scalar output, float32,
 * Glorot-uniform initialisation (Keras' default, as in design-baselines), Adam.
 */
final class RegressorNetworks {
    private RegressorNetworks() {
    }

    /** A fresh network for training to mean squared error, its weights drawn with {@code seed}. */
    static MultiLayerNetwork forTraining(int inputDim, RegressorSettings settings, long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(inputDim, settings, seed, new LossMSE()));
        network.init();
        return network;
    }

    /**
     * A network whose parameters ARE {@code trained}'s (shared, not copied) and whose loss is
     * sum(label * f(x)) (Wasserstein's linear loss): with labels 1 its backpropagated input
     * gradient is exactly d f / d x, in any precision.
     */
    static MultiLayerNetwork linearLossTwin(int inputDim, RegressorSettings settings, MultiLayerNetwork trained) {
        MultiLayerNetwork twin = new MultiLayerNetwork(configuration(inputDim, settings, 0, new LossWasserstein()));
        twin.init(trained.params(), false);
        return twin;
    }

    /** A network for these settings holding {@code params} (a flat vector, in DL4J's order). */
    static MultiLayerNetwork withParameters(int inputDim, RegressorSettings settings, float[] params) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(inputDim, settings, 0, new LossMSE()));
        network.init(Nd4j.createFromArray(params).reshape(1, params.length), false);
        return network;
    }

    static MultiLayerConfiguration configuration(int inputDim, RegressorSettings settings, long seed,
                                                 ILossFunction loss) {
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(settings.learningRate()))
                .list();
        int in = inputDim;
        int index = 0;
        for (int width : settings.hiddenLayers()) {
            layers.layer(index++, new DenseLayer.Builder().nIn(in).nOut(width)
                    .activation(settings.activation().function()).build());
            in = width;
        }
        layers.layer(index, new OutputLayer.Builder(loss).nIn(in).nOut(1).activation(Activation.IDENTITY).build());
        return layers.build();
    }
}
