package ebmopt.tasks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How Design-Bench's published arrays (one or more shards, concatenated in order) become a file
 * of a data directory. Any integer or float type is accepted; the result is int32 or float32, as
 * the tasks read it, written as NumPy does ({@link NpyWriter}).
 */
enum PublishedConversion {
    /** Token rows (n, L) of any integer type: int32 (N, L). */
    TOKEN_ROWS {
        @Override
        void convert(List<Path> parts, Path out) {
            Ints all = new Ints();
            int width = -1;
            for (Path part : parts) {
                Npy.Numbers a = integers(part);
                width = rowWidth(a, width, part);
                for (int i = 0; i < a.size(); i++) {
                    all.add(int32(a.integer(i), part));
                }
            }
            NpyWriter.writeInt32(out, new long[] {all.size / width, width}, all.values());
        }
    },
    /** Token rows (n, L) with tokens 0..3 (DNA): the base-4 index of each row, int32 (N,). */
    KMER_INDEX {
        @Override
        void convert(List<Path> parts, Path out) {
            Ints all = new Ints();
            int width = -1;
            for (Path part : parts) {
                Npy.Numbers a = integers(part);
                width = rowWidth(a, width, part);
                int[] row = new int[width];
                for (int r = 0; r < a.size() / width; r++) {
                    for (int p = 0; p < width; p++) {
                        row[p] = int32(a.integer(r * width + p), part);
                    }
                    all.add(KmerIndex.of(row, 0, width, DNA_BASES, part));
                }
            }
            NpyWriter.writeInt32(out, new long[] {all.size}, all.values());
        }
    },
    /** Scores (n, 1) or (n,) of any float type: float32 (N, 1). */
    SCORE_COLUMN {
        @Override
        void convert(List<Path> parts, Path out) {
            float[] y = scores(parts);
            NpyWriter.writeFloat32(out, new long[] {y.length, 1}, y);
        }
    },
    /** Scores (n, 1) or (n,) of any float type: float32 (N,). */
    SCORES {
        @Override
        void convert(List<Path> parts, Path out) {
            float[] y = scores(parts);
            NpyWriter.writeFloat32(out, new long[] {y.length}, y);
        }
    };

    private static final int DNA_BASES = 4;

    /** Reads {@code parts} in order and writes the converted file {@code out}. */
    abstract void convert(List<Path> parts, Path out);

    private static Npy.Numbers integers(Path part) {
        Npy.Numbers a = Npy.readNumbers(part);
        if (!a.integers()) {
            throw new TaskDataException(part + ": dtype '" + a.descr() + "', expected integer tokens");
        }
        return a;
    }

    /** The row width of a 2-D array, the same as the earlier shards' ({@code width}, -1 for none). */
    private static int rowWidth(Npy.Numbers a, int width, Path part) {
        if (a.shape().length != 2 || a.shape()[1] < 1 || (width >= 0 && a.shape()[1] != width)) {
            throw new TaskDataException(part + ": shape " + Arrays.toString(a.shape()) + ", expected (rows, "
                    + (width >= 0 ? width : "length") + ")");
        }
        return (int) a.shape()[1];
    }

    private static int int32(long v, Path part) {
        if (v != (int) v) {
            throw new TaskDataException(part + ": value " + v + " does not fit in int32");
        }
        return (int) v;
    }

    private static float[] scores(List<Path> parts) {
        float[] y = new float[1 << 16];
        int n = 0;
        for (Path part : parts) {
            Npy.Numbers a = Npy.readNumbers(part);
            long[] s = a.shape();
            if (a.integers() || !(s.length == 1 || (s.length == 2 && s[1] == 1))) {
                throw new TaskDataException(part + ": dtype '" + a.descr() + "', shape " + Arrays.toString(s)
                        + ", expected float scores of shape (rows, 1) or (rows,)");
            }
            if (n + a.size() > y.length) {
                y = Arrays.copyOf(y, Math.max(n + a.size(), Math.multiplyExact(y.length, 2)));
            }
            for (int i = 0; i < a.size(); i++) {
                y[n++] = (float) a.real(i);
            }
        }
        return Arrays.copyOf(y, n);
    }

    /** A growing int array. */
    private static final class Ints {
        private int[] values = new int[1 << 16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.multiplyExact(values.length, 2));
            }
            values[size++] = v;
        }

        int[] values() {
            return Arrays.copyOf(values, size);
        }
    }
}
