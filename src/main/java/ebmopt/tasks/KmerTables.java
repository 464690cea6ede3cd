package ebmopt.tasks;

import java.nio.file.Path;

/**
 * What a k-mer task makes of its files' rows (each row a k-mer's index and a measured score):
 * the oracle table, the score of every k-mer, and the median split that chooses the visible
 * rows (those at or below the 50th percentile of all scores).
 */
final class KmerTables {
    private KmerTables() {
    }

    /**
     * The score of each of the {@code vocabulary^length} k-mers, by index: the LAST row of a
     * k-mer gives its value (as the reference oracles do). Fails, naming {@code file}, when a
     * row's index is out of range or a k-mer has no row.
     */
    static float[] oracle(int[] index, float[] y, int length, int vocabulary, Path file) {
        float[] table = new float[Math.toIntExact(Math.round(Math.pow(vocabulary, length)))];
        boolean[] seen = new boolean[table.length];
        for (int i = 0; i < index.length; i++) {
            int k = index[i];
            if (k < 0 || k >= table.length) {
                throw new TaskDataException(file + ": row " + i + " has index " + k + " outside 0.."
                        + (table.length - 1));
            }
            table[k] = y[i];
            seen[k] = true;
        }
        KmerIndex.requireAll(seen, file);
        return table;
    }

    /** The rows whose score is at or below the median of all scores, in row order. */
    static int[] rowsAtOrBelowMedian(float[] y) {
        double threshold = Percentile.of(y, 50);
        int n = 0;
        for (float v : y) {
            n += v <= threshold ? 1 : 0;
        }
        int[] rows = new int[n];
        for (int i = 0, r = 0; i < y.length; i++) {
            if (y[i] <= threshold) {
                rows[r++] = i;
            }
        }
        return rows;
    }
}
