package ebmopt.tasks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes int32 and float32 arrays as NumPy {@code .npy} files (format 1.0, little-endian, C
 * order) byte for byte as NumPy's {@code np.save} does, header padding included, so that a file
 * converted here has the checksum of the same array saved by NumPy.
 */
final class NpyWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** NumPy aligns the data to 64 bytes. */
    private static final int ALIGN = 64;
    /** NumPy leaves room for the first axis to grow to this many digits in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private NpyWriter() {
    }

    static void writeInt32(Path file, long[] shape, int[] data) {
        ByteBuffer body = body(shape, data.length, 4);
        body.asIntBuffer().put(data);
        write(file, "<i4", shape, body);
    }

    static void writeFloat32(Path file, long[] shape, float[] data) {
        ByteBuffer body = body(shape, data.length, 4);
        body.asFloatBuffer().put(data);
        write(file, "<f4", shape, body);
    }

    /** The magic, version, header length and header NumPy writes for {@code descr} and {@code shape}. */
    static byte[] header(String descr, long[] shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple(shape) + ", }";
        if (shape.length > 0) {
            dict += " ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        String header = dict + " ".repeat(ALIGN - unpadded % ALIGN) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** Python's repr of a tuple of ints: (), (3,), (2, 3). */
    private static String tuple(long[] shape) {
        String items = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        return "(" + items + (shape.length == 1 ? ",)" : ")");
    }

    private static ByteBuffer body(long[] shape, int elements, int size) {
        long expected = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (expected != elements) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + expected
                    + " elements, not " + elements);
        }
        return ByteBuffer.allocate(Math.multiplyExact(elements, size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(Path file, String descr, long[] shape, ByteBuffer body) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(descr, shape));
            out.write(body.array());
        } catch (IOException e) {
            throw new TaskDataException("Cannot write " + file + ": " + e, e);
        }
    }
}
