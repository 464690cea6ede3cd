package ebmopt.tasks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A re-trained oracle as cached on disk: a {@link RegressionForest} plus what it was trained
 * from. The cache file names the data file's SHA-256 (a changed CSV is a new file name, so it
 * re-trains) and repeats it inside; a CRC-32 over the whole payload catches corruption. Written
 * by the driver ({@code ebmopt.oracle}), read by every trial (no Spark needed).
 *
 * @param dataSha256         the SHA-256 of the data file the forest was trained on
 * @param seed               the seed of the subsample, the split and the forest
 * @param trainingRows       rows the forest was fitted on
 * @param validationRows     rows held out to measure it
 * @param validationSpearman Spearman's rank correlation of its predictions with y on the held-out rows
 * @param description        the training settings in words (trees, depth, bins, ...)
 * @param forest             the trees
 */
public record ForestOracle(String dataSha256, long seed, int trainingRows, int validationRows,
                           double validationSpearman, String description, RegressionForest forest) {
    private static final String MAGIC = "ebm-opt forest oracle v1";

    /** The cache file for a data file with checksum {@code dataSha256}: {@code DIR/random-forest-<sha>.bin}. */
    public static Path cachePath(Path dir, String dataSha256) {
        return dir.resolve("random-forest-" + dataSha256 + ".bin");
    }

    /** Writes atomically (a temporary file beside it, then a rename): readers never see half a file. */
    public void save(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(MAGIC);
                out.writeUTF(dataSha256);
                out.writeLong(seed);
                out.writeInt(trainingRows);
                out.writeInt(validationRows);
                out.writeDouble(validationSpearman);
                out.writeUTF(description);
                forest.write(out);
            }
            byte[] payload = bytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(payload);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
            try {  // createTempFile makes it owner-only; executors running as other users must read it
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its default permissions stand
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                out.write(payload);
                out.write(ByteBuffer.allocate(Long.BYTES).putLong(crc.getValue()).array());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TaskDataException("Cannot write the oracle cache " + file + ": " + e, e);
        }
    }

    /**
     * Reads a cache file written by {@link #save}, checking its CRC and that it was trained on
     * the data with {@code expectedSha256}.
     *
     * @throws TaskDataException naming the file when it is missing, corrupt or for other data
     */
    public static ForestOracle load(Path file, String expectedSha256) {
        byte[] all;
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            all = in.readAllBytes();
        } catch (IOException e) {
            throw new TaskDataException("Cannot read the oracle cache " + file + ": " + e, e);
        }
        if (all.length < Long.BYTES) {
            throw corrupt(file, "too short (" + all.length + " bytes)");
        }
        byte[] payload = Arrays.copyOf(all, all.length - Long.BYTES);
        CRC32 crc = new CRC32();
        crc.update(payload);
        if (crc.getValue() != ByteBuffer.wrap(all, payload.length, Long.BYTES).getLong()) {
            throw corrupt(file, "its CRC-32 does not match (truncated or altered)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw corrupt(file, "not an ebm-opt forest oracle");
            }
            String sha = in.readUTF();
            if (!sha.equals(expectedSha256)) {
                throw corrupt(file, "trained on data with SHA-256 " + sha + ", not " + expectedSha256);
            }
            ForestOracle oracle = new ForestOracle(sha, in.readLong(), in.readInt(), in.readInt(), in.readDouble(),
                    in.readUTF(), RegressionForest.read(in));
            if (in.available() != 0) {
                throw corrupt(file, in.available() + " trailing bytes");
            }
            return oracle;
        } catch (IOException | IllegalArgumentException e) {
            throw corrupt(file, e.toString());
        }
    }

    private static TaskDataException corrupt(Path file, String why) {
        return new TaskDataException("Corrupt oracle cache " + file + ": " + why + ". Delete it and re-train it on "
                + "the driver (submit/ebm-opt oracle superconductor; a sweep that needs it re-trains it too)");
    }
}
