package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trials a sweep has already committed, read from one listing of the trial folders (the
 * status markers and the names of the required files, no Parquet), so that a resumed sweep
 * knows what to skip and a reader knows which commit of each trial is current. A folder with
 * a marker but without a required file is damaged: it counts as not committed, with a warning,
 * so readers skip it and the sweep's next run commits the trial again.
 */
public final class CommittedTrials {
    private static final Logger LOG = LoggerFactory.getLogger(CommittedTrials.class);
    /** The files every committed trial folder has (candidates.parquet is absent from folders of older versions). */
    static final List<String> REQUIRED_FILES = List.of(TrialCommitter.TRIALS_FILE, TrialCommitter.CURVES_FILE);

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

    /** Trial id -> its commit, for every intact committed trial under {@code layout}. */
    public static Map<String, Commit> scan(ResultLayout layout, Configuration conf) {
        try {
            FileSystem fs = layout.root().getFileSystem(conf);
            Map<String, Commit> found = new TreeMap<>();
            FileStatus[] entries = fs.globStatus(new Path(layout.results(), "*/{" + ResultLayout.STATUS_PREFIX + "*,"
                    + String.join(",", REQUIRED_FILES) + "}"));
            if (entries == null) {
                return found;
            }
            Map<String, Set<String>> files = new HashMap<>();
            for (FileStatus entry : entries) {
                String name = entry.getPath().getName();
                String trial = entry.getPath().getParent().getName();
                files.computeIfAbsent(trial, t -> new HashSet<>()).add(name);
                if (name.startsWith(ResultLayout.STATUS_PREFIX)) {
                    String[] parts = name.substring(ResultLayout.STATUS_PREFIX.length()).split("\\.", 2);
                    found.put(trial, new Commit(TrialStatus.fromLabel(parts[0]), parts[1]));
                }
            }
            found.keySet().removeIf(trial -> {
                List<String> missing = missing(files.get(trial));
                if (!missing.isEmpty()) {
                    LOG.warn("trial folder {} has a status marker but no {}: treated as not committed (the sweep's "
                            + "next run commits it again)", layout.trialDir(trial), String.join(", ", missing));
                }
                return !missing.isEmpty();
            });
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the results under " + layout.results(), e);
        }
    }

    /** The required files not among {@code names} (a trial folder's file names). */
    private static List<String> missing(Collection<String> names) {
        return REQUIRED_FILES.stream().filter(f -> !names.contains(f)).toList();
    }

    /**
     * Deletes what interrupted runs left in staging. Call only while holding the sweep's
     * {@link SweepLock}: another live driver's trials may be writing there.
     */
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
