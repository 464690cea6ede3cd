package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written here are byte for byte what NumPy's np.save writes, so their checksums agree. */
class NpyWriterTest {
    @TempDir
    Path tmp;

    /** The header text np.save (NumPy 2.4) wrote for these arrays: each padded to 128 bytes in all. */
    @Test
    void theHeaderIsNumpys() {
        assertHeader("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", "<i4", 3);
        assertHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", "<f4", 2, 3);
        assertHeader("{'descr': '<i4', 'fortran_order': False, 'shape': (), }", "<i4");
        assertHeader("{'descr': '<i4', 'fortran_order': False, 'shape': (8321066,), }", "<i4", 8_321_066);
        assertHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (65792, 1), }", "<f4", 65_792, 1);
    }

    private static void assertHeader(String dict, String descr, long... shape) {
        byte[] header = NpyWriter.header(descr, shape);
        assertEquals(128, header.length);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0}, Arrays.copyOf(header, 10));
        String text = new String(header, 10, 118, StandardCharsets.US_ASCII);
        assertEquals(dict + " ".repeat(117 - dict.length()) + "\n", text);
    }

    @Test
    void rewritingTheSharedFilesReproducesThemByteForByte() throws IOException {
        assumeTrue(Files.isDirectory(TestData.dir()), "no shared data at " + TestData.dir().toAbsolutePath());
        for (String file : List.of(TfBind8Task.X_FILE, TfBind10Task.INDEX_FILE)) {
            Npy.Ints original = Npy.readInt32(TestData.dir().resolve(file));
            Path copy = tmp.resolve(Path.of(file).getFileName());
            NpyWriter.writeInt32(copy, original.shape(), original.data());
            assertEquals(DataFiles.sha256(TestData.dir().resolve(file)), DataFiles.digest(copy), file);
        }
        for (String file : List.of(TfBind8Task.Y_FILE, TfBind10Task.Y_FILE)) {
            Npy.Floats original = Npy.readFloat32(TestData.dir().resolve(file));
            Path copy = tmp.resolve(Path.of(file).getFileName());
            NpyWriter.writeFloat32(copy, original.shape(), original.data());
            assertEquals(DataFiles.sha256(TestData.dir().resolve(file)), DataFiles.digest(copy), file);
        }
    }
}
