package ebmopt.models.regression;

import ebmopt.models.RowArrays;
import ebmopt.optim.Adam;
import ebmopt.optim.AdamOptions;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Trains in the calling thread ({@code trainer = local}): an {@link Mlp} of the settings' widths
 * and activation, {@code epochs} passes of minibatch Adam (Keras' constants) on the mean
 * squared error over shuffled data.
 */
public final class LocalRegressorTrainer implements RegressorTrainer {

    @Override
    public Regressor fit(double[][] x, double[] y, RegressorSettings settings, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Mlp net = new Mlp(x[0].length, settings.hiddenLayers(), settings.activation(), rng.nextLong());
        Adam adam = Adam.over(net.parameters(), settings.learningRate(), AdamOptions.keras());
        Minibatches batches = new Minibatches(x.length, settings.batchSize(), rng.nextLong());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int[] rows : batches.epoch()) {
                INDArray xb = RowArrays.toArray(Minibatches.rows(x, rows));
                INDArray yb = Nd4j.create(Minibatches.values(y, rows), new long[] {rows.length, 1}, DataType.FLOAT);
                Mlp.Pass pass = net.forward(xb);
                net.zeroGradients();
                net.backward(pass, mseGradient(pass, yb), true);
                adam.step(net.gradients());
            }
        }
        return net;
    }

    /** d/df of mean (f - y)^2: 2 (f - y) / n. */
    static INDArray mseGradient(Mlp.Pass pass, INDArray y) {
        double[] f = pass.values();
        float[] g = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = (float) (2 * (f[i] - y.getDouble(i, 0)) / f.length);
        }
        return Nd4j.create(g, new long[] {f.length, 1}, DataType.FLOAT);
    }
}
