package ebmopt.oracle;

import ebmopt.tasks.RegressionForest;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Trains a random forest with MLlib's {@link RandomForestRegressor} in Design-Bench's settings
 * ({@code RandomForestRegressor(n_estimators=100, max_depth=100, max_features="auto")} of
 * scikit-learn, i.e. every feature at every split) and converts it to a plain-Java
 * {@link RegressionForest}. Needs a SparkSession: call it on the driver.
 *
 * <p>Where MLlib differs from scikit-learn: depth is capped at 30 (MLlib's maximum), the
 * bootstrap draws Poisson(1) weights per row instead of a multinomial resample, and split
 * candidates are midpoints between distinct values only while a feature has fewer than
 * {@link #MAX_BINS} of them (quantiles otherwise).
 */
public final class MllibForest {
    /** Design-Bench's n_estimators. */
    public static final int TREES = 100;
    /** MLlib's largest depth (Design-Bench asks for 100: unreachable on 1,000 rows in practice). */
    public static final int MAX_DEPTH = 30;
    /** Enough bins that every distinct value of a 1,000-row training set is a split candidate. */
    public static final int MAX_BINS = 1024;
    /** The settings the oracle is trained with. */
    public static final Settings DESIGN_BENCH = new Settings(TREES, MAX_DEPTH, MAX_BINS);

    private MllibForest() {
    }

    /**
     * A forest's size; tests train smaller ones, the oracle always {@link #DESIGN_BENCH}.
     *
     * @param trees    number of trees
     * @param maxDepth maximum depth (at most 30 in MLlib)
     * @param maxBins  split candidates per feature
     */
    public record Settings(int trees, int maxDepth, int maxBins) {
        /** The settings in words, stored with a cached forest (a cache trained otherwise is re-trained). */
        public String describe() {
            return "Spark MLlib RandomForestRegressor: " + trees + " trees, featureSubsetStrategy all, maxDepth "
                    + maxDepth + ", maxBins " + maxBins + ", bootstrap, minInstancesPerNode 1";
        }
    }

    /** Fits the forest on one partition (so the bootstrap weights, drawn per partition, do not depend on the master). */
    public static RandomForestRegressionModel fit(SparkSession spark, double[][] x, double[] y, long seed,
                                                  Settings settings) {
        return regressor(seed, settings).fit(frame(spark, x, y));
    }

    /** A features/label DataFrame of {@code x} and {@code y} (label may be null for prediction), in one partition. */
    public static Dataset<Row> frame(SparkSession spark, double[][] x, double[] y) {
        StructType schema = new StructType()
                .add("features", SQLDataTypes.VectorType(), false)
                .add("label", DataTypes.DoubleType, false);
        List<Row> rows = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            rows.add(RowFactory.create(Vectors.dense(x[i]), y == null ? 0.0 : y[i]));
        }
        return spark.createDataFrame(rows, schema).coalesce(1);
    }

    private static RandomForestRegressor regressor(long seed, Settings settings) {
        return new RandomForestRegressor()
                .setNumTrees(settings.trees())
                .setFeatureSubsetStrategy("all")
                .setMaxDepth(settings.maxDepth())
                .setMaxBins(settings.maxBins())
                // Speed only (the trees are the same): fewer, larger groups of nodes per pass over the data, and
                // node ids cached instead of the growing trees shipped with every pass.
                .setMaxMemoryInMB(512)
                .setCacheNodeIds(true)
                .setMinInstancesPerNode(1)
                .setMinInfoGain(0.0)
                .setBootstrap(true)
                .setSubsamplingRate(1.0)
                .setSeed(seed);
    }

    /** The same trees as plain arrays: predictions equal MLlib's (same splits, same order of summation). */
    public static RegressionForest toForest(RandomForestRegressionModel model) {
        List<RegressionForest.Tree> trees = new ArrayList<>();
        for (DecisionTreeRegressionModel tree : model.trees()) {
            trees.add(flatten(tree.rootNode()));
        }
        return new RegressionForest(model.numFeatures(), trees);
    }

    private static RegressionForest.Tree flatten(Node root) {
        List<Node> nodes = new ArrayList<>();
        List<int[]> children = new ArrayList<>();
        nodes.add(root);
        children.add(null);
        // Breadth-first numbering: a node's children come after it.
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof InternalNode inner) {
                children.set(i, new int[] {nodes.size(), nodes.size() + 1});
                nodes.add(inner.leftChild());
                children.add(null);
                nodes.add(inner.rightChild());
                children.add(null);
            }
        }
        int n = nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            value[i] = node.prediction();
            if (node instanceof InternalNode inner) {
                if (!(inner.split() instanceof ContinuousSplit split)) {
                    throw new IllegalStateException("a categorical split in a forest over continuous features");
                }
                feature[i] = split.featureIndex();
                threshold[i] = split.threshold();
                left[i] = children.get(i)[0];
                right[i] = children.get(i)[1];
            } else {
                feature[i] = -1;
            }
        }
        return new RegressionForest.Tree(feature, threshold, left, right, value);
    }
}
