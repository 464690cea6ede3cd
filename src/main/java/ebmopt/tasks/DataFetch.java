package ebmopt.tasks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fetches the Design-Bench files a task reads into a data directory: downloads the published
 * files ({@link PublishedSources}) from a base URL, converts them, checks the result's SHA-256
 * against the expected one ({@link DataFiles}) and only then moves it into place, atomically. A
 * file already present with the expected checksum is not fetched again. Downloads wait in
 * {@value #STAGING} inside the data directory (so that the final move stays on one file
 * system); a file whose checksum does not match is refused and its downloads deleted, and the
 * staging folder goes once it is empty. One fetch per data directory at a time.
 */
public final class DataFetch {
    /** The staging folder's name inside the data directory. */
    public static final String STAGING = ".fetch-staging";
    private static final String PARTIAL = ".part";

    private final Path dataDir;
    private final String baseUrl;
    private final PrintStream progress;
    private final DataFiles expected;

    /**
     * @param dataDir  where the files go ({@code data.dir}; created if missing)
     * @param baseUrl  where the published files are ({@code data.source-url}): an absolute http:,
     *                 https: or file: URL
     * @param progress where progress lines go
     */
    public DataFetch(Path dataDir, String baseUrl, PrintStream progress) {
        this.dataDir = dataDir;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.progress = progress;
        this.expected = new DataFiles(dataDir);
        try {
            if (!new URI(this.baseUrl).isAbsolute()) {
                throw new URISyntaxException(baseUrl, "not an absolute URL (no scheme such as https: or file:)");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("data.source-url = \"" + baseUrl + "\": " + e.getMessage(), e);
        }
    }

    /** The tasks whose data can be fetched. */
    public static List<String> tasks() {
        return PublishedSources.tasks();
    }

    /**
     * What a fetch did.
     *
     * @param fetched the files downloaded, verified and moved into place
     * @param present the files already there with the expected checksum
     */
    public record Outcome(List<String> fetched, List<String> present) {
    }

    /**
     * Fetches every file of {@code tasks} (names from {@link #tasks()}), stopping at the first
     * failure.
     *
     * @throws IllegalArgumentException for a task without fetchable data
     * @throws TaskDataException        for a download that fails or a file whose checksum does not
     *                                  match, naming the file, the URL and the expected checksum
     */
    public Outcome fetch(List<String> tasks) {
        for (String task : tasks) {
            if (!tasks().contains(task)) {
                throw new IllegalArgumentException("No data to fetch for task '" + task + "'; fetchable: " + tasks()
                        + " (Superconductor reads a user-supplied CSV, docs/data.md; the others are generated)");
            }
        }
        List<String> fetched = new ArrayList<>();
        List<String> present = new ArrayList<>();
        try {
            for (PublishedSources.Source source : PublishedSources.ALL) {
                if (tasks.contains(source.task())) {
                    (fetchOne(source) ? fetched : present).add(source.file());
                }
            }
        } finally {
            removeIfEmpty(dataDir.resolve(STAGING));
        }
        return new Outcome(List.copyOf(fetched), List.copyOf(present));
    }

    /** Fetches one file unless it is there already; returns whether it fetched. */
    private boolean fetchOne(PublishedSources.Source source) {
        String sha = expected.expectedSha256(source.file());
        if (sha == null) {
            throw new IllegalStateException(source.file() + " has no expected checksum (classpath "
                    + DataFiles.BUNDLED_SUMS + ")");
        }
        Path target = dataDir.resolve(source.file());
        if (Files.isRegularFile(target)) {
            String actual = DataFiles.sha256(target);
            if (actual.equals(sha)) {
                progress.println("ok       " + source.file() + " (present, SHA-256 as expected)");
                return false;
            }
            progress.println("refetch  " + source.file() + ": present with SHA-256 " + actual + ", expected " + sha);
        }
        Path staging = dataDir.resolve(STAGING);
        List<Path> parts = new ArrayList<>();
        try {
            for (int i = 0; i < source.parts().size(); i++) {
                parts.add(download(source, i, staging, sha));
            }
            Path converted = staging.resolve(source.file() + PARTIAL);
            Files.createDirectories(converted.getParent());
            String actual;
            try {
                source.conversion().convert(parts, converted);
                actual = DataFiles.digest(converted);
            } catch (TaskDataException e) {
                Files.deleteIfExists(converted);
                deleteAll(parts);
                throw new TaskDataException("Cannot use what " + describe(source) + " holds for " + source.file()
                        + " (expected SHA-256 " + sha + "): " + e.getMessage(), e);
            }
            if (!actual.equals(sha)) {
                Files.delete(converted);
                deleteAll(parts);
                throw new TaskDataException("Refused " + source.file() + ": made from " + describe(source)
                        + ", its SHA-256 is " + actual + ", expected " + sha + "; nothing was written to " + dataDir
                        + " (is data.source-url = " + baseUrl + " a copy of Design-Bench's data?)");
            }
            Files.createDirectories(target.getParent());
            Files.move(converted, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            deleteAll(parts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write under " + dataDir + " while fetching " + source.file(), e);
        }
        progress.println("fetched  " + source.file() + " (SHA-256 " + sha + ")");
        return true;
    }

    /** Part {@code i} of {@code source}, downloaded into the staging folder unless an earlier run did. */
    private Path download(PublishedSources.Source source, int i, Path staging, String sha) throws IOException {
        String part = source.parts().get(i);
        Path local = staging.resolve(part);
        String counter = source.parts().size() > 1 ? " [" + (i + 1) + "/" + source.parts().size() + "]" : "";
        if (Files.isRegularFile(local)) {
            progress.println("staged   " + part + counter + " (downloaded by an earlier run)");
            return local;
        }
        Files.createDirectories(local.getParent());
        Path partial = local.resolveSibling(local.getFileName() + PARTIAL);
        URI url = url(part);
        long bytes;
        try {
            bytes = Downloads.copy(url, partial);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new TaskDataException("Cannot fetch " + source.file() + " (expected SHA-256 " + sha + "): " + url
                    + ": " + e + (i > 0 ? "; the " + i + " files downloaded so far wait in " + staging
                    + " for the next run" : ""), e);
        }
        Files.move(partial, local, StandardCopyOption.ATOMIC_MOVE);
        progress.println("download " + part + counter + ": " + String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
                + " from " + url);
        return local;
    }

    private URI url(String part) {
        return URI.create(baseUrl + "/" + part);
    }

    /** The URL of a source's only part, or its first and a count. */
    private String describe(PublishedSources.Source source) {
        List<String> parts = source.parts();
        return parts.size() == 1 ? url(parts.get(0)).toString()
                : parts.size() + " files from " + url(parts.get(0)) + " to " + url(parts.get(parts.size() - 1));
    }

    private static void deleteAll(List<Path> files) {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // left behind in the staging folder; a later run reuses or replaces it
            }
        }
    }

    /** Deletes {@code dir} and the folders below it if none holds a file. */
    private static void removeIfEmpty(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
            if (deepestFirst.stream().allMatch(Files::isDirectory)) {
                for (Path p : deepestFirst) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            // an empty staging folder left behind is harmless
        }
    }
}
