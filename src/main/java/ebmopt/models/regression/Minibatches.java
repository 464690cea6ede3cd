package ebmopt.models.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shuffled minibatches of row indices, a fresh order every epoch (the last batch may be short). */
public final class Minibatches {
    private final int rows;
    private final int batchSize;
    private final SplittableRandom rng;

    public Minibatches(int rows, int batchSize, long seed) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.rng = new SplittableRandom(seed);
    }

    /** The batches of one epoch. */
    public List<int[]> epoch() {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < rows; start += batchSize) {
            int[] b = new int[Math.min(batchSize, rows - start)];
            System.arraycopy(order, start, b, 0, b.length);
            out.add(b);
        }
        return out;
    }

    /** The batches per epoch. */
    public int perEpoch() {
        return (rows + batchSize - 1) / batchSize;
    }

    public static double[][] rows(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    public static double[] values(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }
}
