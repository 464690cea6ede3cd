package ebmopt.models.regression;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/**
 * A trained Deeplearning4j network as a {@link Regressor}. Predictions are its output; input
 * gradients are its own backpropagation to the input. Serialisable (its settings and its
 * parameters travel, the network is rebuilt on arrival), so it can be shipped to executors.
 * Not for concurrent use from several threads at once: calls are serialised.
 */
public final class NetworkRegressor implements Regressor {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int inputDim;
    private final RegressorSettings settings;
    private final transient MultiLayerNetwork network;
    private transient MultiLayerNetwork gradientNetwork;

    NetworkRegressor(int inputDim, RegressorSettings settings, MultiLayerNetwork network) {
        this.inputDim = inputDim;
        this.settings = settings;
        this.network = network;
    }

    @Override
    public int inputDim() {
        return inputDim;
    }

    /** The settings it was built and trained with. */
    public RegressorSettings settings() {
        return settings;
    }

    /** The number of trained parameters. */
    public long parameterCount() {
        return network.numParams();
    }

    @Override
    public synchronized double[] predict(double[][] x) {
        if (x.length == 0) {
            return new double[0];
        }
        double[][] out = network.output(features(x), false).toDoubleMatrix();
        double[] f = new double[x.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = out[i][0];
        }
        return f;
    }

    @Override
    public synchronized double[][] inputGradient(double[][] x) {
        if (x.length == 0) {
            return new double[0][];
        }
        if (gradientNetwork == null) {
            gradientNetwork = RegressorNetworks.linearLossTwin(inputDim, settings, network);
        }
        INDArray ones = Nd4j.ones(DataType.FLOAT, x.length, 1);
        return gradientNetwork.calculateGradients(features(x), ones, null, null).getSecond().toDoubleMatrix();
    }

    private INDArray features(double[][] x) {
        float[][] rows = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != inputDim) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values; the regressor takes "
                        + inputDim);
            }
            rows[i] = new float[inputDim];
            for (int j = 0; j < inputDim; j++) {
                rows[i][j] = (float) x[i][j];
            }
        }
        return Nd4j.create(rows);
    }

    @Serial
    private Object writeReplace() {
        return new SerialForm(inputDim, settings, network.params().toFloatVector());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a NetworkRegressor travels as its SerialForm");
    }

    /** What travels: the architecture's settings and the flat parameter vector. */
    private record SerialForm(int inputDim, RegressorSettings settings, float[] params) implements Serializable {
        @Serial
        private Object readResolve() {
            return new NetworkRegressor(inputDim, settings, RegressorNetworks.withParameters(inputDim, settings, params));
        }
    }
}
