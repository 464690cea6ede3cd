package ebmopt.models.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

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
        int[] order = permutation(rows, rng::nextInt);
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < rows; start += batchSize) {
            int[] b = new int[Math.min(batchSize, rows - start)];
            System.arraycopy(order, start, b, 0, b.length);
            out.add(b);
        }
        return out;
    }

    /**
     * 0..n-1 shuffled by Fisher-Yates from the last position down, {@code nextInt.applyAsInt(b)}
     * drawing each swap's partner in [0, b) ({@code SplittableRandom::nextInt}, {@code Random::nextInt}).
     */
    public static int[] permutation(int n, IntUnaryOperator nextInt) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt.applyAsInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
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
