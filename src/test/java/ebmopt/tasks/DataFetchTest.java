package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetching task data from a mirror laid out as Design-Bench publishes it, given as a file: URL
 * (never the network). A small made-up mirror checks the fetch itself: into an empty folder, a
 * corrupt file refused leaving nothing behind, a valid file kept, a missing one named. With the
 * shared data, a mirror rebuilt from it in the published layout (TF-Bind-10 cut into its 84
 * shards) checks that fetching reproduces the project's checksums.
 */
class DataFetchTest {
    private static final String X8 = "tf_bind_8-SIX6_REF_R1/tf_bind_8-x-0.npy";
    private static final String Y8 = "tf_bind_8-SIX6_REF_R1/tf_bind_8-y-0.npy";
    /** Four made-up 8-mers, stored as NumPy int64 as Design-Bench may store them. */
    private static final long[][] TOKENS = {{0, 1, 2, 3, 0, 1, 2, 3}, {3, 3, 3, 3, 3, 3, 3, 3},
        {0, 0, 0, 0, 0, 0, 0, 0}, {1, 0, 2, 0, 3, 0, 1, 1}};
    private static final float[] SCORES = {0.5f, 1f, 0f, 0.25f};

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    private DataFetch fetcher(Path data, Path mirror) {
        return new DataFetch(data, mirror.toUri().toString(), new PrintStream(progress, true, StandardCharsets.UTF_8));
    }

    /** A .npy file as NumPy writes it for a short header: the dict padded to 128 bytes. */
    private static byte[] npy(String descr, String shape, ByteBuffer payload) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat(117 - dict.length()) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + payload.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length())
                .put(header.getBytes(StandardCharsets.US_ASCII)).put(payload);
        return b.array();
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] expectedX() {
        ByteBuffer b = buffer(4 * 32);
        Stream.of(TOKENS).flatMapToLong(java.util.Arrays::stream).forEach(t -> b.putInt((int) t));
        return npy("<i4", "(4, 8)", b.flip());
    }

    private static byte[] scores(String shape) {
        ByteBuffer b = buffer(4 * SCORES.length);
        for (float y : SCORES) {
            b.putFloat(y);
        }
        return npy("<f4", shape, b.flip());
    }

    /** A mirror of the made-up TF-Bind-8, and a data folder whose SHA256SUMS expects its files. */
    private Path[] madeUpMirrorAndDataDir() throws IOException {
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror.resolve(X8).getParent());
        ByteBuffer x = buffer(8 * 32);
        Stream.of(TOKENS).flatMapToLong(java.util.Arrays::stream).forEach(x::putLong);
        Files.write(mirror.resolve(X8), npy("<i8", "(4, 8)", x.flip()));
        Files.write(mirror.resolve(Y8), scores("(4, 1)"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path sums = Files.write(tmp.resolve("x"), expectedX());
        Path ys = Files.write(tmp.resolve("y"), scores("(4, 1)"));
        Files.writeString(data.resolve(DataFiles.SUMS), DataFiles.digest(sums) + "  " + TfBind8Task.X_FILE + "\n"
                + DataFiles.digest(ys) + "  " + TfBind8Task.Y_FILE + "\n");
        return new Path[] {mirror, data};
    }

    private static List<String> contents(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void fetchesIntoAnEmptyDataFolderConvertingToWhatTheTaskReads() throws IOException {
        Path[] md = madeUpMirrorAndDataDir();
        DataFetch.Outcome outcome = fetcher(md[1], md[0]).fetch(List.of("tf-bind-8"));
        assertEquals(List.of(TfBind8Task.X_FILE, TfBind8Task.Y_FILE), outcome.fetched());
        assertArrayEquals(expectedX(), Files.readAllBytes(md[1].resolve(TfBind8Task.X_FILE)));
        assertArrayEquals(scores("(4, 1)"), Files.readAllBytes(md[1].resolve(TfBind8Task.Y_FILE)));
        assertEquals(List.of(DataFiles.SUMS, "tf_bind_8", TfBind8Task.X_FILE, TfBind8Task.Y_FILE), contents(md[1]),
                "the staging folder is gone");
        String log = progress.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("download " + X8) && log.contains("fetched  " + TfBind8Task.X_FILE), log);
    }

    @Test
    void aCorruptMirrorFileIsRefusedNamingTheChecksumsAndNothingIsLeft() throws IOException {
        Path[] md = madeUpMirrorAndDataDir();
        String expected = DataFiles.digest(Files.write(tmp.resolve("x"), expectedX()));
        byte[] good = Files.readAllBytes(md[0].resolve(X8));
        // the last token's low byte (3 -> 2: still a token, another checksum), then its high byte (not a token)
        for (int flipped : new int[] {good.length - 8, good.length - 3}) {
            byte[] x = good.clone();
            x[flipped] ^= 1;
            Files.write(md[0].resolve(X8), x);
            TaskDataException e = assertThrows(TaskDataException.class,
                    () -> fetcher(md[1], md[0]).fetch(List.of("tf-bind-8")));
            assertTrue(e.getMessage().contains(TfBind8Task.X_FILE) && e.getMessage().contains(expected)
                    && e.getMessage().contains(md[0].resolve(X8).toUri().toString()), e.getMessage());
            assertEquals(List.of(DataFiles.SUMS), contents(md[1]));
        }
    }

    @Test
    void aFilePresentAndValidIsNotFetchedAgainAndAnInvalidOneIsReplaced() throws IOException {
        Path[] md = madeUpMirrorAndDataDir();
        fetcher(md[1], md[0]).fetch(List.of("tf-bind-8"));
        Files.delete(md[0].resolve(X8));
        Files.writeString(md[1].resolve(TfBind8Task.Y_FILE), "not the scores");
        DataFetch.Outcome again = fetcher(md[1], md[0]).fetch(List.of("tf-bind-8"));
        assertEquals(List.of(TfBind8Task.X_FILE), again.present());
        assertEquals(List.of(TfBind8Task.Y_FILE), again.fetched());
        assertArrayEquals(scores("(4, 1)"), Files.readAllBytes(md[1].resolve(TfBind8Task.Y_FILE)));
    }

    @Test
    void aFileMissingFromTheMirrorIsNamedWithItsUrlAndExpectedChecksum() throws IOException {
        Path[] md = madeUpMirrorAndDataDir();
        Files.delete(md[0].resolve(Y8));
        TaskDataException e = assertThrows(TaskDataException.class,
                () -> fetcher(md[1], md[0]).fetch(List.of("tf-bind-8")));
        String expected = DataFiles.digest(Files.write(tmp.resolve("y"), scores("(4, 1)")));
        assertTrue(e.getMessage().contains("Cannot fetch " + TfBind8Task.Y_FILE + " (expected SHA-256 " + expected)
                && e.getMessage().contains(md[0].resolve(Y8).toUri().toString()), e.getMessage());
        assertTrue(Files.isRegularFile(md[1].resolve(TfBind8Task.X_FILE)), "the file before it was fetched");
        assertFalse(Files.exists(md[1].resolve(TfBind8Task.Y_FILE)));
    }

    @Test
    void tfBind10IsMadeFromItsShardsAsBase4Indices() throws IOException {
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror.resolve("tf_bind_10-pho4"));
        int shards = PublishedSources.TF_BIND_10_SHARDS;
        ByteBuffer index = buffer(4 * shards);
        ByteBuffer ys = buffer(4 * shards);
        for (int s = 0; s < shards; s++) {
            byte[] tokens = new byte[10];
            int value = 0;
            for (int p = 0; p < 10; p++) {
                tokens[p] = (byte) ((s * 7 + p * p) % 4);
                value = value * 4 + tokens[p];
            }
            index.putInt(value);
            ys.putFloat(s / 10f);
            Files.write(mirror.resolve("tf_bind_10-pho4/tf_bind_10-x-" + s + ".npy"),
                    npy("|i1", "(1, 10)", ByteBuffer.wrap(tokens)));
            Files.write(mirror.resolve("tf_bind_10-pho4/tf_bind_10-y-" + s + ".npy"),
                    npy("<f4", "(1, 1)", buffer(4).putFloat(s / 10f).flip()));
        }
        byte[] expectedIndex = npy("<i4", "(84,)", index.flip());
        byte[] expectedY = npy("<f4", "(84,)", ys.flip());
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve(DataFiles.SUMS),
                DataFiles.digest(Files.write(tmp.resolve("i"), expectedIndex)) + "  " + TfBind10Task.INDEX_FILE + "\n"
                + DataFiles.digest(Files.write(tmp.resolve("y"), expectedY)) + "  " + TfBind10Task.Y_FILE + "\n");
        fetcher(data, mirror).fetch(List.of("tf-bind-10"));
        assertArrayEquals(expectedIndex, Files.readAllBytes(data.resolve(TfBind10Task.INDEX_FILE)));
        assertArrayEquals(expectedY, Files.readAllBytes(data.resolve(TfBind10Task.Y_FILE)));
    }

    @Test
    void aTaskWithoutFetchableDataIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fetcher(tmp, tmp).fetch(List.of("superconductor")));
        assertTrue(e.getMessage().contains("'superconductor'") && e.getMessage().contains("[tf-bind-8, tf-bind-10]"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DataFetch(tmp, "no/scheme", System.out));
    }

    /**
     * The shared data cut back into Design-Bench's published layout (TF-Bind-8 tokens as int64,
     * TF-Bind-10 as 84 shards of int8 token rows and (n, 1) scores) and fetched into an empty
     * folder: every file has the project's own checksum, and the tasks load from it.
     */
    @Test
    void fetchingTheSharedDataInThePublishedLayoutReproducesTheProjectsChecksums() throws IOException {
        assumeTrue(Files.isDirectory(TestData.dir()), "no shared data at " + TestData.dir().toAbsolutePath());
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror.resolve("tf_bind_8-SIX6_REF_R1"));
        Npy.Ints x8 = Npy.readInt32(TestData.dir().resolve(TfBind8Task.X_FILE));
        ByteBuffer longs = buffer(8 * x8.data().length);
        for (int t : x8.data()) {
            longs.putLong(t);
        }
        Files.write(mirror.resolve(X8), npy("<i8", "(65792, 8)", longs.flip()));
        Files.copy(TestData.dir().resolve(TfBind8Task.Y_FILE), mirror.resolve(Y8));

        Files.createDirectories(mirror.resolve("tf_bind_10-pho4"));
        int[] index = Npy.readInt32(TestData.dir().resolve(TfBind10Task.INDEX_FILE)).data();
        float[] y = Npy.readFloat32(TestData.dir().resolve(TfBind10Task.Y_FILE)).data();
        int shards = PublishedSources.TF_BIND_10_SHARDS;
        int[] tokens = new int[10];
        for (int s = 0; s < shards; s++) {
            int from = (int) ((long) index.length * s / shards);
            int to = (int) ((long) index.length * (s + 1) / shards);
            ByteBuffer xs = buffer(10 * (to - from));
            ByteBuffer ys = buffer(4 * (to - from));
            for (int r = from; r < to; r++) {
                KmerIndex.tokens(index[r], 10, 4, tokens, 0);
                for (int t : tokens) {
                    xs.put((byte) t);
                }
                ys.putFloat(y[r]);
            }
            Files.write(mirror.resolve("tf_bind_10-pho4/tf_bind_10-x-" + s + ".npy"),
                    npy("|i1", "(" + (to - from) + ", 10)", xs.flip()));
            Files.write(mirror.resolve("tf_bind_10-pho4/tf_bind_10-y-" + s + ".npy"),
                    npy("<f4", "(" + (to - from) + ", 1)", ys.flip()));
        }

        Path data = tmp.resolve("data");
        DataFetch.Outcome outcome = fetcher(data, mirror).fetch(DataFetch.tasks());
        assertEquals(4, outcome.fetched().size(), outcome.toString());
        assertFalse(Files.exists(data.resolve(DataFiles.SUMS)), "the project's own checksums were used");
        for (String task : DataFetch.tasks()) {
            TaskRegistry.checkData(task, data);
        }
        for (String file : outcome.fetched()) {
            assertEquals(DataFiles.sha256(TestData.dir().resolve(file)), DataFiles.sha256(data.resolve(file)), file);
        }
    }
}
