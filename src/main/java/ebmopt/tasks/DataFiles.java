package ebmopt.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files of a data directory, verified against their expected SHA-256: the project's own
 * list ({@value #BUNDLED_SUMS} on the classpath), where the directory's {@code SHA256SUMS}
 * (lines {@code <sha256>  <relative path>}), if it has one, takes precedence for the files it
 * lists. Each file's checksum is computed once per JVM (cached by absolute path, size and
 * modification time): the TF-Bind-10 files are 33 MB each.
 */
public final class DataFiles {
    /** The checksum list's name in a data directory. */
    public static final String SUMS = "SHA256SUMS";
    /** The project's checksum list of the Design-Bench files it reads, a classpath resource. */
    public static final String BUNDLED_SUMS = "ebmopt/tasks/SHA256SUMS";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Expected> BUNDLED = bundledSums();
    private final Path dir;

    public DataFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * The file at {@code relative} (e.g. {@code tf_bind_8/tf_bind_8-x.npy}), verified: fails,
     * naming the file, its expected checksum and the command that fetches it, if it is missing,
     * unlisted or corrupt.
     */
    public VerifiedFile verified(String relative) {
        Expected expected = expectedSums().get(relative);
        Path file = dir.resolve(relative);
        if (expected == null) {
            throw new TaskDataException(relative + " is listed neither in the project's checksums (classpath "
                    + BUNDLED_SUMS + ") nor in " + dir.resolve(SUMS));
        }
        if (!Files.isRegularFile(file)) {
            throw new TaskDataException("Missing data file " + file + " (expected SHA-256 " + expected.sha256()
                    + "); " + remedy(relative, "fetch it with"));
        }
        String actual = sha256(file);
        if (!actual.equals(expected.sha256())) {
            throw new TaskDataException("Corrupt data file " + file + ": SHA-256 " + actual + ", expected "
                    + expected.sha256() + " (from " + expected.origin() + "); " + remedy(relative, "fetch it again with"));
        }
        return new VerifiedFile(relative, file, actual);
    }

    /** The expected SHA-256 of {@code relative}, or null if no list has it. */
    String expectedSha256(String relative) {
        Expected e = expectedSums().get(relative);
        return e == null ? null : e.sha256();
    }

    /** How to get {@code relative}: the fetch command for a file it fetches, else where to point data.dir. */
    private String remedy(String relative, String verb) {
        return PublishedSources.of(relative)
                .map(s -> verb + ": submit/fetch-data " + s.task() + " --set 'data.dir=\"" + dir + "\"'"
                        + " (or ebm-opt fetch-data; see docs/data.md)")
                .orElse("set data.dir to a directory holding the Design-Bench files (see docs/data.md)");
    }

    /** A user-supplied file that no checksum list covers: its checksum is recorded, not checked. */
    public static VerifiedFile unverified(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaskDataException("Missing data file " + file);
        }
        return new VerifiedFile(file.getFileName().toString(), file, sha256(file));
    }

    /** An expected checksum and the list it comes from. */
    private record Expected(String sha256, String origin) {
    }

    private Map<String, Expected> expectedSums() {
        Map<String, Expected> out = new HashMap<>(BUNDLED);
        Path sums = dir.resolve(SUMS);
        if (Files.isRegularFile(sums)) {
            try {
                parse(Files.readAllLines(sums), sums.toString(), out);
            } catch (IOException e) {
                throw new TaskDataException("Cannot read " + sums + ": " + e, e);
            }
        }
        return out;
    }

    private static Map<String, Expected> bundledSums() {
        Map<String, Expected> out = new HashMap<>();
        try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(BUNDLED_SUMS)) {
            if (in == null) {
                throw new IllegalStateException("the project's checksum list (classpath " + BUNDLED_SUMS
                        + ") is not on the classpath");
            }
            parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), "the project's checksums",
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath " + BUNDLED_SUMS, e);
        }
        return Map.copyOf(out);
    }

    private static void parse(List<String> lines, String origin, Map<String, Expected> into) {
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+\\*?", 2);
            if (parts.length == 2) {
                into.put(parts[1].trim(), new Expected(parts[0].toLowerCase(java.util.Locale.ROOT), origin));
            }
        }
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

    /** The SHA-256 of a file, hex, computed now (not cached). */
    static String digest(Path file) {
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
