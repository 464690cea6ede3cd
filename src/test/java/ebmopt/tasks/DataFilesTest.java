package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {
    private static final String X_SHA = "8957a728704d2e6c5dbba921dd9e16cbd76797489b081c5dc7f39ca23582d95d";

    @TempDir
    Path tmp;

    /** A data dir with the real SHA256SUMS and TF-Bind-8 files copied into it. */
    private Path copyTfBind8() throws IOException {
        Files.createDirectories(tmp.resolve("tf_bind_8"));
        for (String f : new String[] {DataFiles.SUMS, TfBind8Task.X_FILE, TfBind8Task.Y_FILE}) {
            Files.copy(TestData.dir().resolve(f), tmp.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
            tmp.resolve(f).toFile().setWritable(true);
        }
        return tmp;
    }

    @Test
    void verifiesTheSharedFiles() {
        DataFiles.VerifiedFile f = new DataFiles(TestData.dir()).verified(TfBind8Task.X_FILE);
        assertEquals(X_SHA, f.sha256());
        assertEquals(TfBind8Task.X_FILE, f.name());
    }

    @Test
    void aCorruptFileFailsNamingItAndTheExpectedChecksum() throws IOException {
        Path dir = copyTfBind8();
        Path x = dir.resolve(TfBind8Task.X_FILE);
        byte[] bytes = Files.readAllBytes(x);
        bytes[bytes.length / 2] ^= 1;
        Files.write(x, bytes);
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> TaskRegistry.load("tf-bind-8", dir, 0));
        assertTrue(e.getMessage().contains("Corrupt data file " + x) && e.getMessage().contains(X_SHA),
                e.getMessage());
    }

    @Test
    void aMissingFileFailsNamingItAndTheExpectedChecksum() throws IOException {
        Path dir = copyTfBind8();
        Path x = dir.resolve(TfBind8Task.X_FILE);
        Files.delete(x);
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> TaskRegistry.load("tf-bind-8", dir, 0));
        assertTrue(e.getMessage().contains("Missing data file " + x) && e.getMessage().contains(X_SHA),
                e.getMessage());
        TaskDataException tf10 = assertThrows(TaskDataException.class,
                () -> TaskRegistry.load("tf-bind-10", dir, 0));
        assertTrue(tf10.getMessage().contains(TfBind10Task.INDEX_FILE), tf10.getMessage());
    }

    @Test
    void withoutAChecksumListTheProjectsOwnApplyAndAMissingFileNamesTheFetchCommand() throws IOException {
        Path dir = copyTfBind8();
        Files.delete(dir.resolve(DataFiles.SUMS));
        assertEquals(X_SHA, new DataFiles(dir).verified(TfBind8Task.X_FILE).sha256());
        Files.delete(dir.resolve(TfBind8Task.X_FILE));
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> new DataFiles(dir).verified(TfBind8Task.X_FILE));
        assertTrue(e.getMessage().contains("Missing data file " + dir.resolve(TfBind8Task.X_FILE) + " (expected SHA-256 "
                + X_SHA + "); fetch it with: submit/fetch-data tf-bind-8 --set 'data.dir=\"" + dir + "\"'"),
                e.getMessage());
    }
}
