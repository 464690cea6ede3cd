package ebmopt.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ebmopt.tasks.RegressionForest;
import ebmopt.tasks.SuperconductorOracleData;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskDataException;
import ebmopt.tasks.TaskRegistry;
import ebmopt.testing.TestSweeps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.regression.RandomForestRegressionModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Superconductor oracle re-trained with MLlib on a synthetic 500-row unique_m.csv. */
class TrainedOraclesTest {
    /** The oracle's settings but 10 trees, to keep the test short (100 trees take ~10x as long). */
    private static final MllibForest.Settings SMALL = new MllibForest.Settings(10, MllibForest.MAX_DEPTH,
            MllibForest.MAX_BINS);

    @TempDir
    Path data;

    @Test
    void plainJavaForestPredictsExactlyAsMllibAndFitsTheData() {
        Path csv = SyntheticSuperconductor.write(data, 500, 7);
        SuperconductorOracleData.Split split = SuperconductorOracleData.split(csv);
        assertEquals(250, split.trainY().length);
        assertEquals(250, split.validationY().length);
        SparkSession spark = TestSweeps.spark();
        RandomForestRegressionModel model = MllibForest.fit(spark, split.trainX(), split.trainY(), 1, SMALL);
        RegressionForest forest = MllibForest.toForest(model);
        assertEquals(SMALL.trees(), forest.trees().size());
        assertEquals(86, forest.features());

        double[][] all = concat(split.trainX(), split.validationX());
        List<Row> rows = model.transform(MllibForest.frame(spark, all, null)).select("prediction").collectAsList();
        double[] mllib = rows.stream().mapToDouble(r -> r.getDouble(0)).toArray();
        double[] ours = Arrays.stream(all).mapToDouble(forest::predict).toArray();
        assertArrayEquals(mllib, ours, 0.0, "the plain-Java forest differs from MLlib's transform");

        // Held-out rows: far better than predicting their mean (R^2 0), and well ranked.
        double[] held = Arrays.stream(split.validationX()).mapToDouble(forest::predict).toArray();
        double r2 = rSquared(split.validationY(), held);
        assertTrue(r2 > 0.8, "held-out R^2 " + r2);
        assertTrue(RankCorrelation.spearman(held, split.validationY()) > 0.85);
        double trainR2 = rSquared(split.trainY(), Arrays.stream(split.trainX()).mapToDouble(forest::predict).toArray());
        assertTrue(trainR2 > 0.95, "training R^2 " + trainR2);
    }

    @Test
    void theTaskScoresWithTheCachedForestAndSaysItIsRetrained() throws IOException {
        SyntheticSuperconductor.write(data, 500, 11);
        Task before = TaskRegistry.load("superconductor", data, 0);
        assertFalse(before.hasOracle());
        assertEquals("re-trained random forest", before.oracleKind());
        UnsupportedOperationException missing = assertThrows(UnsupportedOperationException.class,
                () -> before.score(new double[86]));
        assertTrue(missing.getMessage().contains("submit/ebm-opt oracle superconductor"), missing.getMessage());

        SparkSession spark = TestSweeps.spark();
        TrainedOracles.Result first = TrainedOracles.superconductor(spark, data, SMALL);
        assertTrue(first.trained());
        assertEquals(data.resolve("superconductor/oracle"), first.cache().getParent());
        assertTrue(first.cache().getFileName().toString().contains(before.dataChecksums().get(
                "superconductor/unique_m.csv")), "the cache is not named by the CSV's checksum: " + first.cache());
        assertTrue(first.oracle().validationSpearman() > 0.8, "" + first.oracle().validationSpearman());

        Task task = TaskRegistry.load("superconductor", data, 0);
        assertTrue(task.hasOracle());
        assertEquals("re-trained random forest", task.oracleKind());
        double[] x = new double[86];
        x[SyntheticSuperconductor.CU] = 1;
        x[SyntheticSuperconductor.O] = 3;
        assertEquals(first.oracle().forest().predict(x), task.score(x));
        assertEquals(SyntheticSuperconductor.tc(x), task.score(x), 12.0);
        Map<String, String> sums = task.dataChecksums();
        assertEquals(2, sums.size(), sums.toString());
        assertTrue(sums.containsKey("superconductor/oracle/" + first.cache().getFileName()), sums.toString());

        // A second call reuses the cache.
        byte[] bytes = Files.readAllBytes(first.cache());
        assertFalse(TrainedOracles.superconductor(spark, data, SMALL).trained());

        // A corrupt cache fails the task's load, naming the file; the driver re-trains it, to the same bytes.
        byte[] corrupted = bytes.clone();
        corrupted[bytes.length / 2] ^= 0x10;
        Files.write(first.cache(), corrupted);
        TaskDataException corrupt = assertThrows(TaskDataException.class,
                () -> TaskRegistry.load("superconductor", data, 0));
        assertTrue(corrupt.getMessage().contains("Corrupt oracle cache " + first.cache()), corrupt.getMessage());
        Files.write(first.cache(), Arrays.copyOf(bytes, 100));
        assertThrows(TaskDataException.class, () -> TaskRegistry.load("superconductor", data, 0));
        assertTrue(TrainedOracles.superconductor(spark, data, SMALL).trained());
        assertArrayEquals(bytes, Files.readAllBytes(first.cache()), "re-training is not deterministic");
        assertEquals(first.oracle().forest().predict(x), TaskRegistry.load("superconductor", data, 0).score(x));
        // A cache trained with other settings is not the oracle asked for: it is re-trained.
        assertTrue(first.oracle().description().startsWith(SMALL.describe()), first.oracle().description());
        TrainedOracles.Result other = TrainedOracles.superconductor(spark, data, new MllibForest.Settings(3, 30, 1024));
        assertTrue(other.trained());
        assertEquals(3, other.oracle().forest().trees().size());

        // A changed CSV has a new checksum, hence no oracle until it is trained for it.
        SyntheticSuperconductor.write(data, 400, 12);
        assertFalse(TaskRegistry.load("superconductor", data, 0).hasOracle());
    }

    @Test
    void aSweepTrainsTheOracleOfTheTasksItsTrialsName() {
        SyntheticSuperconductor.write(data, 300, 3);
        SparkSession spark = TestSweeps.spark();
        TrainedOracles.prepare(spark, data, List.of("tf-bind-8", "branin"), SMALL);
        assertFalse(Files.exists(data.resolve("superconductor/oracle")), "trained an oracle no trial needs");
        TrainedOracles.prepare(spark, data, List.of("tf-bind-8", "superconductor"), SMALL);
        assertTrue(TaskRegistry.load("superconductor", data, 0).hasOracle());
        assertThrows(IllegalArgumentException.class, () -> TrainedOracles.ensure(spark, "tf-bind-8", data));
    }

    private static double rSquared(double[] y, double[] predicted) {
        double mean = Arrays.stream(y).average().orElseThrow();
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < y.length; i++) {
            ssRes += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            ssTot += (y[i] - mean) * (y[i] - mean);
        }
        return 1 - ssRes / ssTot;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
