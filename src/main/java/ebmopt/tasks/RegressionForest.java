package ebmopt.tasks;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * A trained ensemble of regression trees that predicts without Spark: the mean of its trees'
 * leaf values, as MLlib's {@code RandomForestRegressionModel} does. A tree is flat arrays; node
 * 0 is the root; an internal node sends x left when {@code x[feature] <= threshold} (MLlib's
 * {@code ContinuousSplit}), a leaf has feature -1 and holds its prediction in {@code value}.
 *
 * @param features the number of features a design has
 * @param trees    the trees
 */
public record RegressionForest(int features, List<Tree> trees) implements Serializable {
    private static final long serialVersionUID = 1L;

    public RegressionForest {
        trees = List.copyOf(trees);
        if (trees.isEmpty()) {
            throw new IllegalArgumentException("a forest needs at least one tree");
        }
        for (Tree t : trees) {
            t.check(features);
        }
    }

    /** The forest's prediction: the mean of its trees', summed in tree order. */
    public double predict(double[] x) {
        if (x.length != features) {
            throw new IllegalArgumentException("a design has " + features + " features, got " + x.length);
        }
        double sum = 0;
        for (Tree t : trees) {
            sum += t.predict(x);
        }
        return sum / trees.size();
    }

    /** Writes the trees (see {@link #read}). */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(features);
        out.writeInt(trees.size());
        for (Tree t : trees) {
            out.writeInt(t.feature.length);
            for (int i = 0; i < t.feature.length; i++) {
                out.writeInt(t.feature[i]);
                out.writeDouble(t.threshold[i]);
                out.writeInt(t.left[i]);
                out.writeInt(t.right[i]);
                out.writeDouble(t.value[i]);
            }
        }
    }

    /** Reads what {@link #write} wrote; malformed trees fail with IllegalArgumentException. */
    static RegressionForest read(DataInputStream in) throws IOException {
        int features = in.readInt();
        int count = in.readInt();
        if (features <= 0 || count <= 0 || count > 100_000) {
            throw new IllegalArgumentException("implausible forest header: " + features + " features, " + count
                    + " trees");
        }
        Tree[] trees = new Tree[count];
        for (int k = 0; k < count; k++) {
            int n = in.readInt();
            if (n <= 0 || n > 100_000_000) {
                throw new IllegalArgumentException("implausible tree size " + n);
            }
            int[] feature = new int[n];
            double[] threshold = new double[n];
            int[] left = new int[n];
            int[] right = new int[n];
            double[] value = new double[n];
            for (int i = 0; i < n; i++) {
                feature[i] = in.readInt();
                threshold[i] = in.readDouble();
                left[i] = in.readInt();
                right[i] = in.readInt();
                value[i] = in.readDouble();
            }
            trees[k] = new Tree(feature, threshold, left, right, value);
        }
        return new RegressionForest(features, List.of(trees));
    }

    /**
     * One tree as flat arrays indexed by node (node 0 is the root).
     *
     * @param feature   the feature an internal node splits on; -1 for a leaf
     * @param threshold x goes left when {@code x[feature] <= threshold}
     * @param left      the left child of an internal node (unused for a leaf)
     * @param right     the right child of an internal node
     * @param value     a leaf's prediction (unused for an internal node)
     */
    public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        double predict(double[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
            }
            return value[node];
        }

        /** Every array of one length, every split on a real feature, children after their parent (no cycles). */
        void check(int features) {
            int n = feature.length;
            if (threshold.length != n || left.length != n || right.length != n || value.length != n || n == 0) {
                throw new IllegalArgumentException("a tree's arrays differ in length or are empty");
            }
            for (int i = 0; i < n; i++) {
                if (feature[i] >= features || feature[i] < -1) {
                    throw new IllegalArgumentException("node " + i + " splits on feature " + feature[i] + " of "
                            + features);
                }
                if (feature[i] >= 0 && (left[i] <= i || right[i] <= i || left[i] >= n || right[i] >= n)) {
                    throw new IllegalArgumentException("node " + i + " has children " + left[i] + ", " + right[i]
                            + " outside (" + i + ", " + n + ")");
                }
            }
        }
    }
}
