package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trials a sweep has already committed, read from the status markers alone (one
 * glob, no Parquet), so that a resumed sweep knows what to skip and a reader knows which
 * commit of each trial is current.
 */
public final class CommittedTrials {
    private CommittedTrials() {
    }

    /**
     * One committed trial.
     *
     * @param status   how it ended
     * @param commitId the commit that put its folder in place (a retried trial gets a new one)
     */
    public record Commit(TrialStatus status, String commitId) {
    }

    /** Trial id -> its commit, for every committed trial under {@code layout}. */
    public static Map<String, Commit> scan(ResultLayout layout, Configuration conf) {
        try {
            FileSystem fs = layout.root().getFileSystem(conf);
            Map<String, Commit> found = new TreeMap<>();
            FileStatus[] markers = fs.globStatus(new Path(layout.results(), "*/" + ResultLayout.STATUS_PREFIX + "*"));
            if (markers == null) {
                return found;
            }
            for (FileStatus marker : markers) {
                String[] parts = marker.getPath().getName().substring(ResultLayout.STATUS_PREFIX.length())
                        .split("\\.", 2);
                found.put(marker.getPath().getParent().getName(),
                        new Commit(TrialStatus.fromLabel(parts[0]), parts[1]));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the results under " + layout.results(), e);
        }
    }

    /** Deletes what interrupted runs left in staging. Call only when no other run of the sweep is active. */
    public static void clearStaging(ResultLayout layout, Configuration conf) {
        try {
            FileSystem fs = layout.root().getFileSystem(conf);
            if (fs.exists(layout.staging())) {
                fs.delete(layout.staging(), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + layout.staging(), e);
        }
    }
}
