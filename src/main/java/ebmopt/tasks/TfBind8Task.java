package ebmopt.tasks;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TF-Bind-8 (SIX6): every DNA 8-mer (tokens 0..3 = a, c, g, t) with its binding score.
 * Visible: the rows with y at or below the 50th percentile (32,898 rows, threshold
 * 0.43929616); oracle: exact lookup of the 8-mer's score. Loaded once per JVM and data
 * directory; the split does not depend on the seed.
 */
final class TfBind8Task extends KmerLookupTask {
    static final String NAME = "tf-bind-8";
    static final String X_FILE = "tf_bind_8/tf_bind_8-x.npy";
    static final String Y_FILE = "tf_bind_8/tf_bind_8-y.npy";
    static final int LENGTH = 8;
    static final int VOCABULARY = 4;
    static final long ROWS = 65_792;
    private static final MinMax SCORE_RANGE = new MinMax(0.0, 1.0);
    private static final Map<Path, TfBind8Task> LOADED = new ConcurrentHashMap<>();

    private TfBind8Task(float[] table, Dataset visible, Map<String, String> checksums) {
        super(NAME, LENGTH, VOCABULARY, table, visible, SCORE_RANGE, checksums);
    }

    /** The task over {@code data}'s files, verified, read once per JVM. */
    static TfBind8Task load(DataFiles data) {
        DataFiles.VerifiedFile x = data.verified(X_FILE);
        DataFiles.VerifiedFile y = data.verified(Y_FILE);
        return LOADED.computeIfAbsent(x.path().toAbsolutePath().normalize(), k -> read(x, y));
    }

    private static TfBind8Task read(DataFiles.VerifiedFile xFile, DataFiles.VerifiedFile yFile) {
        int[] x = Npy.readInt32(xFile.path(), ROWS, LENGTH).data();
        float[] y = Npy.readFloat32(yFile.path(), ROWS, 1).data();
        int[] index = new int[y.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = KmerIndex.of(x, i * LENGTH, LENGTH, VOCABULARY, xFile.path());
        }
        float[] table = KmerTables.oracle(index, y, LENGTH, VOCABULARY, xFile.path());
        int[] rows = KmerTables.rowsAtOrBelowMedian(y);
        int[] tokens = new int[rows.length * LENGTH];
        double[] vy = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(x, rows[r] * LENGTH, tokens, r * LENGTH, LENGTH);
            vy[r] = y[rows[r]];
        }
        return new TfBind8Task(table, new Dataset(rows.length, LENGTH, tokens, null, vy),
                Map.of(xFile.name(), xFile.sha256(), yFile.name(), yFile.sha256()));
    }
}
