package ebmopt.models.regression;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A regression data set (x, y) as float32 arrays, cut into shuffled minibatches: each epoch
 * a permutation drawn from the seed and the epoch's number, so a fit is replayable.
 */
final class DataSetMinibatches {
    private final INDArray features;
    private final INDArray labels;
    private final int batchSize;
    private final long seed;

    DataSetMinibatches(double[][] x, double[] y, int batchSize, long seed) {
        check(x, y);
        float[][] rows = new float[x.length][];
        float[][] targets = new float[y.length][1];
        for (int i = 0; i < x.length; i++) {
            rows[i] = new float[x[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (float) x[i][j];
            }
            targets[i][0] = (float) y[i];
        }
        this.features = Nd4j.create(rows);
        this.labels = Nd4j.create(targets);
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** The input dimension of rows {@code x}, after checking that x and y fit together. */
    static int check(double[][] x, double[] y) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows of x but " + y.length + " targets y");
        }
        int dim = x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != dim || dim == 0) {
                throw new IllegalArgumentException("row " + i + " of x has " + x[i].length + " values, row 0 has " + dim);
            }
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target y[" + i + "] = " + y[i] + " is not finite");
            }
        }
        return dim;
    }

    /** The minibatches of epoch {@code epoch} (the last one may be smaller). */
    List<DataSet> epoch(int epoch) {
        int n = features.rows();
        int[] order = Minibatches.permutation(n, new Random(seed * 1_000_003L + epoch)::nextInt);
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
            batches.add(new DataSet(Nd4j.pullRows(features, 1, rows), Nd4j.pullRows(labels, 1, rows)));
        }
        return batches;
    }
}
