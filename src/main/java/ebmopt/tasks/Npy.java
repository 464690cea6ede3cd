package ebmopt.tasks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader of NumPy {@code .npy} files: format 1.0, little-endian, C order; int32 or float32
 * for the tasks' own files, any integer or float type for files being converted
 * ({@link #readNumbers}). Anything else fails with a {@link TaskDataException} naming the file.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** An int32 array and its shape. */
    public record Ints(long[] shape, int[] data) {
    }

    /** A float32 array and its shape. */
    public record Floats(long[] shape, float[] data) {
    }

    /** The element sizes of the types {@link #readNumbers} accepts, by NumPy type string. */
    private static final Map<String, Integer> NUMBER_TYPES = Map.of("|i1", 1, "|u1", 1, "<i2", 2, "<u2", 2,
            "<i4", 4, "<u4", 4, "<i8", 8, "<u8", 8, "<f4", 4, "<f8", 8);

    /**
     * An array of any integer or float type, read as stored.
     *
     * @param shape its shape
     * @param descr its NumPy type string, e.g. {@code <i8}
     * @param data  its elements, little-endian
     */
    public record Numbers(long[] shape, String descr, ByteBuffer data) {
        /** How many elements. */
        public int size() {
            return data.capacity() / NUMBER_TYPES.get(descr);
        }

        /** Whether the elements are integers. */
        public boolean integers() {
            return descr.charAt(1) != 'f';
        }

        /** Element {@code i} (C order) of an integer array; unsigned 64-bit values above 2^63 wrap. */
        public long integer(int i) {
            return switch (descr) {
                case "|i1" -> data.get(i);
                case "|u1" -> data.get(i) & 0xffL;
                case "<i2" -> data.getShort(2 * i);
                case "<u2" -> data.getShort(2 * i) & 0xffffL;
                case "<i4" -> data.getInt(4 * i);
                case "<u4" -> data.getInt(4 * i) & 0xffffffffL;
                case "<i8", "<u8" -> data.getLong(8 * i);
                default -> throw new IllegalStateException(descr + " is not an integer type");
            };
        }

        /** Element {@code i} (C order) as a double (exact for float32 and for integers below 2^53). */
        public double real(int i) {
            return switch (descr) {
                case "<f4" -> data.getFloat(4 * i);
                case "<f8" -> data.getDouble(8 * i);
                default -> integer(i);
            };
        }
    }

    /** Reads an int32 array; {@code expectedShape}, if given, must match exactly. */
    public static Ints readInt32(Path file, long... expectedShape) {
        Body body = open(file, "<i4", expectedShape);
        int[] data = new int[body.data().remaining() / 4];
        body.data().asIntBuffer().get(data);
        return new Ints(body.shape(), data);
    }

    /** Reads a float32 array; {@code expectedShape}, if given, must match exactly. */
    public static Floats readFloat32(Path file, long... expectedShape) {
        Body body = open(file, "<f4", expectedShape);
        float[] data = new float[body.data().remaining() / 4];
        body.data().asFloatBuffer().get(data);
        return new Floats(body.shape(), data);
    }

    /** An array of any type {@link Numbers} supports (integers and floats, 1 to 8 bytes), as stored. */
    public static Numbers readNumbers(Path file) {
        Body body = open(file, null, new long[0]);
        return new Numbers(body.shape(), body.descr(), body.data());
    }

    private record Body(long[] shape, String descr, ByteBuffer data) {
    }

    /** The file's array; its type must be {@code dtype}, or with {@code dtype} null any type of NUMBER_TYPES. */
    private static Body open(Path file, String dtype, long[] expectedShape) {
        ByteBuffer all;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            all = ByteBuffer.allocate(Math.toIntExact(ch.size()));
            while (all.hasRemaining() && ch.read(all) >= 0) {
                // read the whole file
            }
            all.flip().order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new TaskDataException("Cannot read " + file + ": " + e, e);
        }
        byte[] magic = new byte[MAGIC.length];
        if (all.remaining() < 10 || !Arrays.equals(magic(all, magic), MAGIC)) {
            throw new TaskDataException(file + " is not a NumPy .npy file (wrong magic)");
        }
        int major = all.get() & 0xff;
        int minor = all.get() & 0xff;
        if (major != 1 || minor != 0) {
            throw new TaskDataException(file + ": .npy format " + major + "." + minor + ", only 1.0 is supported");
        }
        int headerLength = all.getShort() & 0xffff;
        if (all.remaining() < headerLength) {
            throw new TaskDataException(file + ": truncated .npy header");
        }
        byte[] header = new byte[headerLength];
        all.get(header);
        String dict = new String(header, StandardCharsets.US_ASCII);
        String descr = group(DESCR, dict, file);
        if (dtype == null ? !NUMBER_TYPES.containsKey(descr) : !descr.equals(dtype)) {
            throw new TaskDataException(file + ": dtype '" + descr + "', expected '"
                    + (dtype == null ? String.join("', '", new TreeSet<>(NUMBER_TYPES.keySet())) : dtype) + "'");
        }
        if (!group(FORTRAN, dict, file).equals("False")) {
            throw new TaskDataException(file + ": Fortran order, expected C order");
        }
        long[] shape = Arrays.stream(group(SHAPE, dict, file).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        if (expectedShape.length > 0 && !Arrays.equals(shape, expectedShape)) {
            throw new TaskDataException(file + ": shape " + Arrays.toString(shape) + ", expected "
                    + Arrays.toString(expectedShape));
        }
        long elements = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        long bytes = elements * NUMBER_TYPES.get(descr);
        if (all.remaining() != bytes) {
            throw new TaskDataException(file + ": " + all.remaining() + " data bytes, shape "
                    + Arrays.toString(shape) + " needs " + bytes);
        }
        return new Body(shape, descr, all.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    private static byte[] magic(ByteBuffer b, byte[] into) {
        b.get(into);
        return into;
    }

    private static String group(Pattern p, String dict, Path file) {
        Matcher m = p.matcher(dict);
        if (!m.find()) {
            throw new TaskDataException(file + ": malformed .npy header " + dict.trim());
        }
        return m.group(1);
    }
}
