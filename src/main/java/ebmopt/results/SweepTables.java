package ebmopt.results;

import ebmopt.results.CommittedTrials.Commit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one sweep's tables consistently and fast. The per-trial folders are the truth (one
 * atomic commit each), but thousands of tiny files are slow to read; so after each run the
 * committed trials are compacted into a snapshot with a list of the commits it holds.
 * A reader takes from the snapshot every trial whose current commit it holds, and from the
 * trial folders the rest (trials committed or retried since): never a stale or duplicate row.
 *
 * <p><b>Readers always finish.</b> A snapshot is written once, into its own version folder
 * {@code snapshots/<version>/}, and made current by atomically replacing the small pointer file
 * {@code snapshot.current} ({@link SnapshotVersions}). A reader resolves the pointer once and
 * reads that version by its own path, so a refresh never changes what it reads; a replaced
 * version is deleted only at a refresh more than an hour ({@link SnapshotVersions#GRACE})
 * after it stopped being current. So a read (the returned Dataset's actions included) that
 * finishes within that hour of a swap cannot lose its snapshot files. Planning a read lists and
 * opens files; when one vanishes meanwhile (a snapshot deleted after the grace period, a failed
 * trial's folder replaced by its retry), {@link #read} resolves everything again and plans once
 * more. (A retry replacing a failed trial's folder during an action still fails that action;
 * running it again reads the replacement.) Unfinished versions of failed writes are deleted by
 * a refresh once older than the grace period.
 * A sweep of the layout before versions has {@code snapshot/}: it is read as a version until
 * the next refresh writes the first version, and deleted a grace period later.
 */
public final class SweepTables {
    private static final Logger LOG = LoggerFactory.getLogger(SweepTables.class);
    /**
     * Tables added after results were first written: trial folders (and snapshots) of older
     * versions lack them, and read as having no rows of them.
     */
    private static final Map<String, MessageType> ADDED_LATER = Map.of(ResultTables.CANDIDATES,
            ParquetSchemas.candidates());

    private SweepTables() {
    }

    /** A resolved snapshot version: its folder, and trial id -> commit id of every trial it holds. */
    private record Snapshot(Path dir, Map<String, String> commits) {
        static final Snapshot NONE = new Snapshot(null, Map.of());

        boolean holds(String table, Configuration hadoop) {
            return !commits.isEmpty() && exists(new Path(dir, table), hadoop);
        }
    }

    /**
     * One table (trials, curves or candidates) of the sweep, as of now; planned again once when a
     * file vanished while planning (see the class comment).
     */
    public static Dataset<Row> read(SparkSession spark, ResultLayout layout, String table) {
        try {
            return readOnce(spark, layout, table);
        } catch (RuntimeException e) {
            if (!vanishedFile(e)) {
                throw e;
            }
            LOG.info("a file of {} vanished while planning the read of {} ({}); reading again", layout.sweepDir(),
                    table, e.toString());
            return readOnce(spark, layout, table);
        }
    }

    /** The current snapshot's folder: the version {@code snapshot.current} names, or snapshot/ of older sweeps. */
    public static Optional<Path> currentSnapshot(ResultLayout layout, Configuration hadoop) {
        try {
            return SnapshotVersions.current(layout, hadoop).map(v -> SnapshotVersions.dir(layout, v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot pointer of " + layout.sweepDir(), e);
        }
    }

    private static Dataset<Row> readOnce(SparkSession spark, ResultLayout layout, String table) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Map<String, Commit> commits = CommittedTrials.scan(layout, hadoop);
        if (commits.isEmpty()) {
            throw new IllegalStateException("No committed results under " + layout.sweepDir() + ": run the sweep first");
        }
        return read(spark, layout, table, commits, snapshot(layout, hadoop));
    }

    /**
     * Compacts the committed trials into a new snapshot version unless the current one already
     * holds exactly them in every table (a snapshot of an older version, without a newer table,
     * or of the layout before versions, is rewritten); first deletes the snapshot folders no
     * reader can be reading any more.
     *
     * @return whether a new snapshot was written
     */
    public static boolean refreshSnapshot(SparkSession spark, ResultLayout layout) {
        return refreshSnapshot(spark, layout, Clock.systemUTC(), SnapshotVersions.GRACE);
    }

    /** {@link #refreshSnapshot(SparkSession, ResultLayout)} with a clock and grace period (tests). */
    static boolean refreshSnapshot(SparkSession spark, ResultLayout layout, Clock clock, Duration grace) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        SnapshotVersions.clean(layout, hadoop, clock, grace);
        Map<String, Commit> commits = CommittedTrials.scan(layout, hadoop);
        Snapshot snapshot = snapshot(layout, hadoop);
        Map<String, String> current = new TreeMap<>();
        commits.forEach((id, c) -> current.put(id, c.commitId()));
        boolean legacy = snapshot.dir() != null && snapshot.dir().equals(layout.legacySnapshot());
        if (commits.isEmpty() || !legacy && current.equals(snapshot.commits()) && ResultTables.PER_TRIAL.stream()
                .allMatch(table -> exists(new Path(snapshot.dir(), table), hadoop))) {
            return false;
        }
        String version = SnapshotVersions.newVersion(clock);
        Path fresh = SnapshotVersions.dir(layout, version);
        try {
            FileSystem fs = layout.root().getFileSystem(hadoop);
            try {
                for (String table : ResultTables.PER_TRIAL) {
                    Dataset<Row> rows = read(spark, layout, table, commits, snapshot);
                    int files = Math.min(16, commits.size() / 2000 + 1);
                    rows.coalesce(files).write().mode(SaveMode.ErrorIfExists).parquet(new Path(fresh, table).toString());
                }
                // Last: a version without its commits file is unfinished, and never read.
                try (FSDataOutputStream out = fs.create(new Path(fresh, SnapshotVersions.COMMITS_FILE), false)) {
                    StringBuilder text = new StringBuilder();
                    current.forEach((id, commit) -> text.append(id).append(' ').append(commit).append('\n'));
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException e) {
                // Free the space now (a full disk); what a killed process leaves, clean() removes later.
                fs.delete(fresh, true);
                throw e;
            }
            SnapshotVersions.publish(layout, version, hadoop, clock);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot of " + layout.sweepDir(), e);
        }
    }

    private static Dataset<Row> read(SparkSession spark, ResultLayout layout, String table, Map<String, Commit> commits,
                                     Snapshot snapshot) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        boolean inSnapshot = snapshot.holds(table, hadoop);
        Set<String> withFile = ADDED_LATER.containsKey(table) ? trialsWithFile(layout, table, hadoop) : null;
        List<Tuple2<String, String>> fromSnapshot = new ArrayList<>();
        List<String> fromFolders = new ArrayList<>();
        commits.forEach((id, commit) -> {
            if (inSnapshot && commit.commitId().equals(snapshot.commits().get(id))) {
                fromSnapshot.add(new Tuple2<>(id, commit.commitId()));
            } else if (withFile == null || withFile.contains(id)) {
                fromFolders.add(layout.trialDir(id) + "/" + table + ".parquet");
            }
        });
        Dataset<Row> result = null;
        if (!fromSnapshot.isEmpty()) {
            // By the version's own path: a later refresh does not change it (see the class comment).
            result = spark.read().parquet(new Path(snapshot.dir(), table).toString());
            if (fromSnapshot.size() < snapshot.commits().size()) {
                Dataset<Row> keep = spark.createDataset(fromSnapshot, Encoders.tuple(Encoders.STRING(),
                        Encoders.STRING())).toDF("keep_trial_id", "keep_commit_id");
                result = result.join(keep, result.col("trial_id").equalTo(keep.col("keep_trial_id"))
                        .and(result.col("commit_id").equalTo(keep.col("keep_commit_id"))), "left_semi");
            }
        }
        if (!fromFolders.isEmpty()) {
            // Trials of one sweep share a schema, unless the code changed between runs: merge.
            Dataset<Row> folders = spark.read().option("mergeSchema", "true")
                    .parquet(fromFolders.toArray(String[]::new));
            result = result == null ? folders : result.unionByName(folders, true);
        }
        if (result == null) {
            // Only trials committed before the table existed: none of its rows, with its columns.
            result = spark.createDataFrame(List.of(), ParquetSchemas.sparkType(ADDED_LATER.get(table)));
        }
        return result;
    }

    /** The trials whose folder has {@code <table>.parquet} (one glob). */
    private static Set<String> trialsWithFile(ResultLayout layout, String table, Configuration hadoop) {
        try {
            FileSystem fs = layout.root().getFileSystem(hadoop);
            FileStatus[] files = fs.globStatus(new Path(layout.results(), "*/" + table + ".parquet"));
            Set<String> ids = new HashSet<>();
            for (FileStatus f : files == null ? new FileStatus[0] : files) {
                ids.add(f.getPath().getParent().getName());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the results under " + layout.results(), e);
        }
    }

    private static boolean exists(Path path, Configuration hadoop) {
        try {
            return path.getFileSystem(hadoop).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The current snapshot version and the commits it holds; {@link Snapshot#NONE} when there is none. */
    private static Snapshot snapshot(ResultLayout layout, Configuration hadoop) {
        Optional<Path> dir = currentSnapshot(layout, hadoop);
        if (dir.isEmpty()) {
            return Snapshot.NONE;
        }
        Map<String, String> commits = new TreeMap<>();
        Path file = new Path(dir.get(), SnapshotVersions.COMMITS_FILE);
        try (FSDataInputStream in = file.getFileSystem(hadoop).open(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split(" ");
                    commits.put(parts[0], parts[1]);
                }
            }
            return new Snapshot(dir.get(), commits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + dir.get(), e);
        }
    }

    /** Whether {@code e} or one of its causes says that a file is gone (read() plans again). */
    private static boolean vanishedFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
