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
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads one sweep's tables consistently and fast. The per-trial folders are the truth (one
 * atomic commit each), but thousands of tiny files are slow to read; so after each run the
 * committed trials are compacted into {@code snapshot/} with a list of the commits it holds.
 * A reader takes from the snapshot every trial whose current commit it holds, and from the
 * trial folders the rest (trials committed or retried since): never a stale or duplicate row.
 */
public final class SweepTables {
    private static final String COMMITS_FILE = "commits.txt";
    /**
     * Tables added after results were first written: trial folders (and snapshots) of older
     * versions lack them, and read as having no rows of them.
     */
    private static final Map<String, MessageType> ADDED_LATER = Map.of(ResultTables.CANDIDATES,
            ParquetSchemas.candidates());

    private SweepTables() {
    }

    /** One table (trials, curves or candidates) of the sweep, as of now. */
    public static Dataset<Row> read(SparkSession spark, ResultLayout layout, String table) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Map<String, Commit> commits = CommittedTrials.scan(layout, hadoop);
        if (commits.isEmpty()) {
            throw new IllegalStateException("No committed results under " + layout.sweepDir() + ": run the sweep first");
        }
        return read(spark, layout, table, commits, snapshotCommits(layout, hadoop));
    }

    /**
     * Compacts the committed trials into the snapshot unless it already holds exactly them
     * in every table (a snapshot of an older version, without a newer table, is rewritten).
     *
     * @return whether the snapshot was rewritten
     */
    public static boolean refreshSnapshot(SparkSession spark, ResultLayout layout) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Map<String, Commit> commits = CommittedTrials.scan(layout, hadoop);
        Map<String, String> snapshot = snapshotCommits(layout, hadoop);
        Map<String, String> current = new TreeMap<>();
        commits.forEach((id, c) -> current.put(id, c.commitId()));
        if (commits.isEmpty() || current.equals(snapshot) && ResultTables.PER_TRIAL.stream()
                .allMatch(table -> exists(new Path(layout.snapshot(), table), hadoop))) {
            return false;
        }
        try {
            FileSystem fs = layout.root().getFileSystem(hadoop);
            Path fresh = new Path(layout.sweepDir(), "_snapshot-" + UUID.randomUUID());
            for (String table : ResultTables.PER_TRIAL) {
                Dataset<Row> rows = read(spark, layout, table, commits, snapshot);
                int files = Math.min(16, commits.size() / 2000 + 1);
                rows.coalesce(files).write().mode(SaveMode.ErrorIfExists).parquet(new Path(fresh, table).toString());
            }
            try (FSDataOutputStream out = fs.create(new Path(fresh, COMMITS_FILE), false)) {
                StringBuilder text = new StringBuilder();
                current.forEach((id, commit) -> text.append(id).append(' ').append(commit).append('\n'));
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            // Swap: a reader in between finds no snapshot and reads the trial folders instead.
            Path old = new Path(layout.sweepDir(), "_snapshot-old-" + UUID.randomUUID());
            if (fs.exists(layout.snapshot()) && !fs.rename(layout.snapshot(), old)) {
                throw new IOException("cannot move the old snapshot aside");
            }
            if (!fs.rename(fresh, layout.snapshot())) {
                throw new IOException("cannot move the new snapshot into place");
            }
            fs.delete(old, true);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot of " + layout.sweepDir(), e);
        }
    }

    private static Dataset<Row> read(SparkSession spark, ResultLayout layout, String table, Map<String, Commit> commits,
                                     Map<String, String> snapshot) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        boolean inSnapshot = !snapshot.isEmpty() && exists(new Path(layout.snapshot(), table), hadoop);
        Set<String> withFile = ADDED_LATER.containsKey(table) ? trialsWithFile(layout, table, hadoop) : null;
        List<Tuple2<String, String>> fromSnapshot = new ArrayList<>();
        List<String> fromFolders = new ArrayList<>();
        commits.forEach((id, commit) -> {
            if (inSnapshot && commit.commitId().equals(snapshot.get(id))) {
                fromSnapshot.add(new Tuple2<>(id, commit.commitId()));
            } else if (withFile == null || withFile.contains(id)) {
                fromFolders.add(layout.trialDir(id) + "/" + table + ".parquet");
            }
        });
        Dataset<Row> result = null;
        if (!fromSnapshot.isEmpty()) {
            result = spark.read().parquet(new Path(layout.snapshot(), table).toString());
            if (fromSnapshot.size() < snapshot.size()) {
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

    /** Trial id -> commit id of every trial in the snapshot; empty when there is none. */
    private static Map<String, String> snapshotCommits(ResultLayout layout, Configuration hadoop) {
        Map<String, String> commits = new TreeMap<>();
        try {
            Path file = new Path(layout.snapshot(), COMMITS_FILE);
            FileSystem fs = file.getFileSystem(hadoop);
            if (!fs.exists(file)) {
                return commits;
            }
            try (FSDataInputStream in = fs.open(file)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        String[] parts = line.split(" ");
                        commits.put(parts[0], parts[1]);
                    }
                }
            }
            return commits;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot of " + layout.sweepDir(), e);
        }
    }
}
