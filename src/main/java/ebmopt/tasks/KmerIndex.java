package ebmopt.tasks;

import java.nio.file.Path;

/** The base-K index of a token sequence, sum_i x[i] K^(L-1-i), and its inverse. */
final class KmerIndex {
    private KmerIndex() {
    }

    /** The index of {@code length} tokens of {@code x} from {@code offset}; {@code file} names bad data. */
    static int of(int[] x, int offset, int length, int vocabulary, Path file) {
        int index = 0;
        for (int p = 0; p < length; p++) {
            int t = x[offset + p];
            if (t < 0 || t >= vocabulary) {
                throw file == null
                        ? new IllegalArgumentException("token " + t + " outside 0.." + (vocabulary - 1))
                        : new TaskDataException(file + ": token " + t + " outside 0.." + (vocabulary - 1));
            }
            index = index * vocabulary + t;
        }
        return index;
    }

    /** Writes the {@code length} tokens of {@code index} into {@code out} from {@code offset}. */
    static void tokens(int index, int length, int vocabulary, int[] out, int offset) {
        for (int p = length - 1; p >= 0; p--) {
            out[offset + p] = index % vocabulary;
            index /= vocabulary;
        }
    }

    /** Fails, naming the file, unless every index occurred. */
    static void requireAll(boolean[] seen, Path file) {
        int missing = 0;
        for (boolean s : seen) {
            missing += s ? 0 : 1;
        }
        if (missing > 0) {
            throw new TaskDataException(file + ": " + missing + " of " + seen.length + " sequences are missing");
        }
    }
}
