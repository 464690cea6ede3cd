package ebmopt.tasks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the Superconductor oracle is trained on, following Design-Bench's
 * {@code Superconductor-RandomForest-v0}: all rows of the file (max_percentile 100), a random
 * subsample of at most 2,000 of them (max_samples), half of that held out for validation
 * (val_fraction 0.5), the forest fitted on the other half. Draws use {@link #SEED}, not NumPy's
 * stream: the rows differ from Design-Bench's, the recipe does not. The trainer itself (Spark
 * MLlib, on the driver) lives in {@code ebmopt.oracle}.
 */
public final class SuperconductorOracleData {
    /** The seed of the subsample, the split and the forest: fixed, so every run re-trains the same oracle. */
    public static final long SEED = 1L;
    /** Design-Bench's oracle max_samples. */
    public static final int MAX_SAMPLES = 2000;
    /** Design-Bench's oracle split val_fraction. */
    public static final double VALIDATION_FRACTION = 0.5;

    private SuperconductorOracleData() {
    }

    /** The recipe in words (stored with the oracle). */
    public static String describe() {
        return "all rows, a uniform subsample of at most " + MAX_SAMPLES + " (seed " + SEED + "), "
                + VALIDATION_FRACTION + " of it held out (Design-Bench max_samples, val_fraction)";
    }

    /** {@code dataDir/superconductor/unique_m.csv}, which must exist (failing with the README's pointer otherwise). */
    public static Path csv(Path dataDir) {
        Path file = dataDir.resolve(SuperconductorTask.FILE);
        if (!Files.isRegularFile(file)) {
            throw new TaskDataException("Missing data file " + file + ": the Superconductor task needs the UCI"
                    + " superconductivity data's unique_m.csv there (it is not shipped; see docs/data.md)");
        }
        return file;
    }

    /** The oracle cache for a CSV with checksum {@code csvSha256}, under {@code dataDir/superconductor/oracle/}. */
    public static Path cache(Path dataDir, String csvSha256) {
        return ForestOracle.cachePath(dataDir.resolve("superconductor/oracle"), csvSha256);
    }

    /** The number of features of a design (the 86 elements). */
    public static int features() {
        return SuperconductorTask.ELEMENTS.size();
    }

    /** The training and validation rows of the CSV at {@code file}. */
    public static Split split(Path file) {
        return split(SuperconductorTask.readRows(file));
    }

    /** The training and validation rows of {@code rows} (features then y): a seeded subsample, halved. */
    static Split split(List<double[]> rows) {
        int n = rows.size();
        int m = Math.min(n, MAX_SAMPLES);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < m; i++) {  // partial Fisher-Yates: order[0..m) is a uniform subsample
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int validation = (int) Math.round(m * VALIDATION_FRACTION);
        if (m - validation < 2 || validation < 2) {
            throw new TaskDataException("too few rows (" + n + ") to train and validate an oracle");
        }
        int d = features();
        double[][] trainX = new double[m - validation][];
        double[] trainY = new double[m - validation];
        double[][] validX = new double[validation][];
        double[] validY = new double[validation];
        for (int i = 0; i < m; i++) {
            double[] row = rows.get(order[i]);
            double[] x = java.util.Arrays.copyOf(row, d);
            if (i < m - validation) {
                trainX[i] = x;
                trainY[i] = row[d];
            } else {
                validX[i - (m - validation)] = x;
                validY[i - (m - validation)] = row[d];
            }
        }
        return new Split(n, trainX, trainY, validX, validY);
    }

    /**
     * Rows to fit and to validate on.
     *
     * @param fileRows        rows in the file
     * @param trainX          features of the training rows
     * @param trainY          their critical_temp
     * @param validationX     features of the held-out rows
     * @param validationY     their critical_temp
     */
    public record Split(int fileRows, double[][] trainX, double[] trainY, double[][] validationX,
                        double[] validationY) {
    }
}
