package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A sweep's snapshot versions: immutable folders {@code snapshots/<version>/} (trials/, curves/,
 * candidates/ and, written last, commits.txt), and the pointer {@code snapshot.current} naming
 * the current one, replaced atomically ({@link AtomicFiles}). A version is never modified once
 * written; a replaced one stays on disk for {@link #GRACE} after it stopped being current, so a
 * reader that picked it finishes reading it, and is then deleted by the next {@link #clean}.
 *
 * <p>A version is named by the time its writing started (sortable) and a random suffix. Folders
 * of the layout before versions: {@code snapshot/}, read as the version {@link #LEGACY} while no
 * pointer exists and replaced by the next refresh; {@code _snapshot-*} left by its writes.
 */
final class SnapshotVersions {
    static final String POINTER = "snapshot.current";
    static final String VERSIONS = "snapshots";
    /** The snapshot folder of the layout before versions, as a version name (no version is named so). */
    static final String LEGACY = "snapshot";
    /** Written last into a version: a version without it is unfinished and never read. */
    static final String COMMITS_FILE = "commits.txt";
    /**
     * How long a replaced version is kept after it stopped being current, and how old an
     * unfinished one (a failed or killed write) must be before it is deleted. Reads take seconds
     * ({@code count(*)} over 900 trials: 14 s with start-up) and reports minutes, and a snapshot is
     * written in well under a minute; an hour covers both many times over while the copies of
     * replaced versions (each a full copy of the tables) are gone at the first refresh after it.
     */
    static final Duration GRACE = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotVersions.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String OLD_WRITES = "_snapshot-*";
    /** The temporary files of {@link AtomicFiles#replace} on the pointer, left by a killed process. */
    private static final String POINTER_WRITES = "." + POINTER + ".*.tmp";

    private SnapshotVersions() {
    }

    /** The folder of {@code version}. */
    static Path dir(ResultLayout layout, String version) {
        return version.equals(LEGACY) ? layout.legacySnapshot() : new Path(new Path(layout.sweepDir(), VERSIONS), version);
    }

    /**
     * The version readers take: the pointer's, or {@code snapshot/} of the older layout where no
     * pointer exists; empty when there is no finished snapshot.
     */
    static Optional<String> current(ResultLayout layout, Configuration hadoop) throws IOException {
        Optional<String> named = pointer(layout, hadoop).map(SnapshotPointer::current);
        if (named.isPresent() && finished(layout, named.get(), hadoop)) {
            return named;
        }
        return finished(layout, LEGACY, hadoop) ? Optional.of(LEGACY) : Optional.empty();
    }

    /** A new version's name: the time now, sortable, and a random suffix. */
    static String newVersion(Clock clock) {
        return NAME_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Makes the finished {@code version} current, recording that the version it replaces stopped
     * being current now. Two sweeps publishing at once: the last rename wins, and a replaced
     * version the other's pointer did not record is kept by the stricter rule of {@link #clean}.
     */
    static void publish(ResultLayout layout, String version, Configuration hadoop, Clock clock) throws IOException {
        Optional<SnapshotPointer> old = pointer(layout, hadoop);
        Optional<String> previous = old.isPresent() ? old.map(SnapshotPointer::current) : current(layout, hadoop);
        FileSystem fs = layout.root().getFileSystem(hadoop);
        SnapshotPointer next = SnapshotPointer.replacing(version, previous,
                old.map(SnapshotPointer::retiredAt).orElse(Map.of()), clock.millis(), v -> exists(fs, dir(layout, v)));
        AtomicFiles.replace(pointerFile(layout), next.format().getBytes(StandardCharsets.UTF_8), hadoop);
    }

    /**
     * Deletes every snapshot folder no reader can be reading: a replaced version that stopped
     * being current more than {@code grace} ago; an unfinished one (or a {@code _snapshot-*} of
     * the older layout, or a pointer's temporary file) begun more than {@code grace} ago, which
     * was never current; and a finished one the pointer does not record (a write that lost a
     * race with another sweep's, or {@code snapshot/} written by an older version of this code)
     * begun more than {@code grace} ago when the pointer too has not changed for {@code grace}.
     * Failures are logged, not thrown: this is housekeeping.
     */
    static void clean(ResultLayout layout, Configuration hadoop, Clock clock, Duration grace) {
        try {
            FileSystem fs = layout.root().getFileSystem(hadoop);
            Optional<SnapshotPointer> pointer = pointer(layout, hadoop);
            long now = clock.millis();
            long limit = grace.toMillis();
            boolean pointerSettled = pointer.isPresent()
                    && now - fs.getFileStatus(pointerFile(layout)).getModificationTime() > limit;
            List<FileStatus> folders = new ArrayList<>(list(fs, new Path(layout.sweepDir(), VERSIONS)));
            List<FileStatus> neverCurrent = new ArrayList<>();
            for (String pattern : List.of(OLD_WRITES, POINTER_WRITES)) {
                FileStatus[] found = fs.globStatus(new Path(layout.sweepDir(), pattern));
                neverCurrent.addAll(found == null ? List.of() : List.of(found));
            }
            if (pointer.isPresent() && exists(fs, layout.legacySnapshot())) {
                folders.add(fs.getFileStatus(layout.legacySnapshot()));
            }
            for (FileStatus folder : folders) {
                String name = folder.getPath().getName();
                if (pointer.isPresent() && name.equals(pointer.get().current())) {
                    continue;
                }
                Long retired = pointer.map(p -> p.retiredAt().get(name)).orElse(null);
                boolean old = now - startedAt(folder) > limit;
                boolean expired = retired != null ? now - retired > limit
                        : old && (pointerSettled || !exists(fs, new Path(folder.getPath(), COMMITS_FILE)));
                if (expired) {
                    delete(fs, folder.getPath());
                }
            }
            for (FileStatus folder : neverCurrent) {
                if (now - folder.getModificationTime() > limit) {
                    delete(fs, folder.getPath());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot clean the old snapshots of {}: {}", layout.sweepDir(), e.toString());
        }
    }

    private static void delete(FileSystem fs, Path folder) throws IOException {
        LOG.info("deleting the old snapshot {}", folder);
        fs.delete(folder, true);
    }

    /** When a version's writing began: from its name, else (snapshot/) its folder's time. */
    private static long startedAt(FileStatus folder) {
        String name = folder.getPath().getName();
        try {
            return Instant.from(NAME_TIME.parse(name.substring(0, Math.max(0, name.indexOf('-'))))).toEpochMilli();
        } catch (DateTimeParseException e) {
            return folder.getModificationTime();
        }
    }

    private static boolean finished(ResultLayout layout, String version, Configuration hadoop) throws IOException {
        return exists(layout.root().getFileSystem(hadoop), new Path(dir(layout, version), COMMITS_FILE));
    }

    private static Path pointerFile(ResultLayout layout) {
        return new Path(layout.sweepDir(), POINTER);
    }

    /** The pointer; empty when there is none (the older layout, or no snapshot yet). */
    private static Optional<SnapshotPointer> pointer(ResultLayout layout, Configuration hadoop) {
        return ResultFiles.readText(pointerFile(layout).toString(), hadoop).flatMap(SnapshotPointer::parse);
    }

    private static List<FileStatus> list(FileSystem fs, Path dir) throws IOException {
        try {
            return List.of(fs.listStatus(dir)).stream().filter(FileStatus::isDirectory).toList();
        } catch (FileNotFoundException e) {
            return List.of();
        }
    }

    private static boolean exists(FileSystem fs, Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            return true;
        }
    }
}
