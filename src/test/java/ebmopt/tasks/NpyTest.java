package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path tmp;

    /** Writes a format-1.0 .npy file with the given header fields and 4-byte payload. */
    private Path write(String name, String magic, String descr, String shape, ByteBuffer payload) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + payload.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put(magic.getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(payload);
        Path file = tmp.resolve(name);
        Files.write(file, b.array());
        return file;
    }

    private static ByteBuffer ints(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.flip();
    }

    private static ByteBuffer floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.flip();
    }

    @Test
    void readsInt32AndFloat32InCOrder() throws IOException {
        Npy.Ints i = Npy.readInt32(write("i.npy", "NUMPY", "<i4", "(2, 3)", ints(1, 2, 3, 4, 5, -6)), 2, 3);
        assertArrayEquals(new long[] {2, 3}, i.shape());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, -6}, i.data());
        Npy.Floats f = Npy.readFloat32(write("f.npy", "NUMPY", "<f4", "(3,)", floats(0.5f, -1f, 2.25f)));
        assertArrayEquals(new long[] {3}, f.shape());
        assertArrayEquals(new float[] {0.5f, -1f, 2.25f}, f.data());
    }

    @Test
    void readsTheSharedTfBind8Files() {
        Npy.Ints x = Npy.readInt32(TestData.dir().resolve(TfBind8Task.X_FILE), 65_792, 8);
        assertTrue(java.util.Arrays.stream(x.data()).allMatch(t -> t >= 0 && t < 4));
    }

    @Test
    void readsAnyIntegerOrFloatTypeForConversion() throws IOException {
        ByteBuffer longs = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(3).putLong(-2).flip();
        Npy.Numbers i8 = Npy.readNumbers(write("i8.npy", "NUMPY", "<i8", "(1, 2)", longs));
        assertArrayEquals(new long[] {1, 2}, i8.shape());
        assertTrue(i8.integers());
        assertEquals(3, i8.integer(0));
        assertEquals(-2, i8.integer(1));
        Npy.Numbers u1 = Npy.readNumbers(write("u1.npy", "NUMPY", "|u1", "(4,)", ints(0xfe01ff00)));
        assertEquals(4, u1.size());
        assertEquals(List.of(0L, 255L, 1L, 254L), List.of(u1.integer(0), u1.integer(1), u1.integer(2), u1.integer(3)));
        ByteBuffer doubles = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).flip();
        Npy.Numbers f8 = Npy.readNumbers(write("f8.npy", "NUMPY", "<f8", "(1, 1)", doubles));
        assertFalse(f8.integers());
        assertEquals(0.25, f8.real(0));
        Path text = write("text.npy", "NUMPY", "<U4", "(1,)", ints(1, 2, 3, 4));
        assertNamed(text, "<U4", assertThrows(TaskDataException.class, () -> Npy.readNumbers(text)));
    }

    @Test
    void errorsNameTheFile() throws IOException {
        Path magic = write("magic.npy", "NUMPX", "<i4", "(1,)", ints(1));
        assertNamed(magic, "magic", assertThrows(TaskDataException.class, () -> Npy.readInt32(magic)));
        Path dtype = write("dtype.npy", "NUMPY", "<f8", "(1,)", ints(1));
        assertNamed(dtype, "<f8", assertThrows(TaskDataException.class, () -> Npy.readFloat32(dtype)));
        Path big = write("big.npy", "NUMPY", ">i4", "(1,)", ints(1));
        assertNamed(big, ">i4", assertThrows(TaskDataException.class, () -> Npy.readInt32(big)));
        Path shape = write("shape.npy", "NUMPY", "<i4", "(2,)", ints(1, 2));
        assertNamed(shape, "expected [3]", assertThrows(TaskDataException.class, () -> Npy.readInt32(shape, 3)));
        Path truncated = write("short.npy", "NUMPY", "<i4", "(3,)", ints(1, 2));
        assertNamed(truncated, "needs 12", assertThrows(TaskDataException.class, () -> Npy.readInt32(truncated)));
        Path missing = tmp.resolve("missing.npy");
        assertNamed(missing, "Cannot read", assertThrows(TaskDataException.class, () -> Npy.readInt32(missing)));
    }

    private static void assertNamed(Path file, String detail, TaskDataException e) {
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(detail), e.getMessage());
    }
}
