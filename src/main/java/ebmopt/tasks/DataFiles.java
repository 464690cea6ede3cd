package ebmopt.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of a data directory, verified against its {@code SHA256SUMS} (lines
 * {@code <sha256>  <relative path>}). Each file's checksum is computed once per JVM (cached by
 * absolute path, size and modification time): the TF-Bind-10 files are 33 MB each.
 */
public final class DataFiles {
    /** The checksum list's name in a data directory. */
    public static final String SUMS = "SHA256SUMS";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private final Path dir;

    public DataFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The file at {@code relative} (e.g. {@code tf_bind_8/tf_bind_8-x.npy}), verified: fails,
     * naming the file and its expected checksum, if it is missing, unlisted or corrupt.
     */
    public VerifiedFile verified(String relative) {
        String expected = expectedSums().get(relative);
        Path file = dir.resolve(relative);
        if (expected == null) {
            throw new TaskDataException(relative + " is not listed in " + dir.resolve(SUMS));
        }
        if (!Files.isRegularFile(file)) {
            throw new TaskDataException("Missing data file " + file + " (expected SHA-256 " + expected
                    + "); set data.dir to a directory holding the Design-Bench files (see the data README)");
        }
        String actual = sha256(file);
        if (!actual.equals(expected)) {
            throw new TaskDataException("Corrupt data file " + file + ": SHA-256 " + actual + ", expected "
                    + expected + " (from " + dir.resolve(SUMS) + ")");
        }
        return new VerifiedFile(relative, file, actual);
    }

    /** A user-supplied file that no checksum list covers: its checksum is recorded, not checked. */
    public static VerifiedFile unverified(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaskDataException("Missing data file " + file);
        }
        return new VerifiedFile(file.getFileName().toString(), file, sha256(file));
    }

    private Map<String, String> expectedSums() {
        Path sums = dir.resolve(SUMS);
        if (!Files.isRegularFile(sums)) {
            throw new TaskDataException("Missing checksum list " + sums + " (data.dir = " + dir + ")");
        }
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(sums)) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                if (parts.length == 2) {
                    out.put(parts[1].trim(), parts[0].toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new TaskDataException("Cannot read " + sums + ": " + e, e);
        }
        return out;
    }

    /** The SHA-256 of a file, hex, computed once per JVM for a given path, size and mtime. */
    public static String sha256(Path file) {
        String key;
        try {
            Path abs = file.toAbsolutePath().normalize();
            key = abs + "|" + Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis();
        } catch (IOException e) {
            throw new TaskDataException("Cannot read " + file + ": " + e, e);
        }
        return CACHE.computeIfAbsent(key, k -> digest(file));
    }

    private static String digest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new TaskDataException("Cannot read " + file + ": " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A data file whose checksum was computed (and, from a checksum list, verified).
     *
     * @param name   its name relative to the data directory (the provenance key)
     * @param path   where it is
     * @param sha256 its SHA-256, hex
     */
    public record VerifiedFile(String name, Path path, String sha256) {
    }
}
