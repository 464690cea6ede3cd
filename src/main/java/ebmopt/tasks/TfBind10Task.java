package ebmopt.tasks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TF-Bind-10 (PHO4): 8,321,066 measurements of the 1,048,576 DNA 10-mers (5 to 8 replicates
 * each), stored as base-4 indices. Visible: a uniform random subsample, drawn with the trial's
 * seed, of {@value #VISIBLE_ROWS} rows among those with y at or below the 50th percentile of
 * all rows (4,161,482 rows, threshold 0.005328223). Oracle: exact lookup, the LAST occurrence
 * of a 10-mer in row order giving its value (as the reference oracle does).
 *
 * <p>The files are read once per JVM and data directory into the oracle table (1,048,576
 * floats) and the visible pool (its indices and scores, ~33 MB); trials share them.
 */
final class TfBind10Task extends KmerLookupTask {
    static final String NAME = "tf-bind-10";
    static final String INDEX_FILE = "tf_bind_10/tf_bind_10-pho4-index.npy";
    static final String Y_FILE = "tf_bind_10/tf_bind_10-pho4-y.npy";
    static final int LENGTH = 10;
    static final int VOCABULARY = 4;
    static final long ROWS = 8_321_066;
    static final int VISIBLE_ROWS = 10_000;
    private static final MinMax SCORE_RANGE = new MinMax(-1.8585268, 2.1287067);
    private static final Map<Path, Shared> LOADED = new ConcurrentHashMap<>();

    private final Shared shared;

    /**
     * What every trial shares.
     *
     * @param oracle    the score of each 10-mer index (last occurrence)
     * @param poolIndex the 10-mer index of each row at or below the median
     * @param poolY     those rows' scores
     * @param checksums the files' SHA-256
     */
    record Shared(float[] oracle, int[] poolIndex, float[] poolY, Map<String, String> checksums) {
    }

    private TfBind10Task(Shared shared, Dataset visible) {
        super(NAME, LENGTH, VOCABULARY, shared.oracle(), visible, SCORE_RANGE, shared.checksums());
        this.shared = shared;
    }

    /** The task over {@code data}'s files with the visible subsample of {@code seed}. */
    static TfBind10Task load(DataFiles data, long seed) {
        Shared s = shared(data);
        return new TfBind10Task(s, sample(s, seed));
    }

    /** The shared tables, verified and read once per JVM and data directory. */
    static Shared shared(DataFiles data) {
        DataFiles.VerifiedFile index = data.verified(INDEX_FILE);
        DataFiles.VerifiedFile y = data.verified(Y_FILE);
        return LOADED.computeIfAbsent(index.path().toAbsolutePath().normalize(), k -> read(index, y));
    }

    private static Shared read(DataFiles.VerifiedFile indexFile, DataFiles.VerifiedFile yFile) {
        int[] index = Npy.readInt32(indexFile.path(), ROWS).data();
        float[] y = Npy.readFloat32(yFile.path(), ROWS).data();
        float[] oracle = KmerTables.oracle(index, y, LENGTH, VOCABULARY, indexFile.path());
        int[] rows = KmerTables.rowsAtOrBelowMedian(y);
        int[] poolIndex = new int[rows.length];
        float[] poolY = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            poolIndex[r] = index[rows[r]];
            poolY[r] = y[rows[r]];
        }
        return new Shared(oracle, poolIndex, poolY,
                Map.of(indexFile.name(), indexFile.sha256(), yFile.name(), yFile.sha256()));
    }

    /** {@value #VISIBLE_ROWS} pool rows without replacement (a partial Fisher-Yates shuffle). */
    private static Dataset sample(Shared s, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, Integer> swapped = new HashMap<>();
        int n = s.poolIndex().length;
        int[] tokens = new int[VISIBLE_ROWS * LENGTH];
        double[] y = new double[VISIBLE_ROWS];
        for (int i = 0; i < VISIBLE_ROWS; i++) {
            int j = i + random.nextInt(n - i);
            int row = swapped.getOrDefault(j, j);
            swapped.put(j, swapped.getOrDefault(i, i));
            KmerIndex.tokens(s.poolIndex()[row], LENGTH, VOCABULARY, tokens, i * LENGTH);
            y[i] = s.poolY()[row];
        }
        return new Dataset(VISIBLE_ROWS, LENGTH, tokens, null, y);
    }

    /** The number of rows the visible sample is drawn from. */
    int poolSize() {
        return shared.poolIndex().length;
    }

    /** The scores of the rows the visible sample is drawn from (shared: do not modify). */
    float[] poolY() {
        return shared.poolY();
    }
}
