package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files beside the result tables (reports, summaries, histories, configurations, the
 * aggregated tables under {@code tables/}) on any Hadoop file system ({@code file:},
 * {@code hdfs:}, {@code s3a:}): one home for writing, reading and listing them, so that the
 * report, nightly and command-line code never open a file system themselves. A write replaces
 * its file atomically ({@link AtomicFiles#replace}): a reader sees the old text or the new.
 */
public final class ResultFiles {
    private ResultFiles() {
    }

    /** Writes {@code text} (UTF-8) to {@code path}, replacing it. */
    public static void write(String path, String text, Configuration hadoop) {
        write(path, text.getBytes(StandardCharsets.UTF_8), hadoop);
    }

    /**
     * Writes {@code bytes} to {@code path}, replacing it. On a local disk the file has no
     * {@code .crc} twin (see {@link AtomicFiles}); a stale twin an older version wrote is removed,
     * so that Hadoop's checksummed reads do not reject the new content.
     */
    public static void write(String path, byte[] bytes, Configuration hadoop) {
        Path file = new Path(path);
        try {
            AtomicFiles.replace(file, bytes, hadoop);
            if (file.getFileSystem(hadoop) instanceof ChecksumFileSystem checksummed) {
                checksummed.getRawFileSystem().delete(checksummed.getChecksumFile(file), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** The text of {@code path}; empty when there is no such file. */
    public static Optional<String> readText(String path, Configuration hadoop) {
        Path file = new Path(path);
        try {
            try (FSDataInputStream in = AtomicFiles.rawFileSystem(file, hadoop).open(file)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Whether {@code path} exists. */
    public static boolean exists(String path, Configuration hadoop) {
        Path file = new Path(path);
        try {
            return file.getFileSystem(hadoop).exists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The names of the folders directly under {@code dir}, unsorted; none when it does not exist. */
    public static List<String> folders(String dir, Configuration hadoop) {
        Path folder = new Path(dir);
        try {
            FileSystem fs = folder.getFileSystem(hadoop);
            List<String> names = new ArrayList<>();
            if (fs.exists(folder)) {
                for (FileStatus s : fs.listStatus(folder)) {
                    if (s.isDirectory()) {
                        names.add(s.getPath().getName());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** {@code path} fully qualified on its file system ({@code results} -> {@code file:/home/.../results}). */
    public static String qualified(String path, Configuration hadoop) {
        Path p = new Path(path);
        try {
            return p.getFileSystem(hadoop).makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + path, e);
        }
    }

    /** Where the aggregated table {@code name} lives under {@code outputRoot}. */
    public static String aggregatedTable(String outputRoot, String name) {
        return outputRoot + "/" + ResultTables.TABLES_DIR + "/" + name;
    }

    /** Writes {@code rows} as the aggregated table {@code name} (one Parquet file), replacing it. */
    public static void writeAggregatedTable(Dataset<Row> rows, String outputRoot, String name) {
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(aggregatedTable(outputRoot, name));
    }

    /** Whether the aggregated table {@code name} was written to the end (its {@code _SUCCESS} marker). */
    public static boolean hasAggregatedTable(String outputRoot, String name, Configuration hadoop) {
        return exists(aggregatedTable(outputRoot, name) + "/_SUCCESS", hadoop);
    }
}
