package ebmopt.results;

import ebmopt.experiment.TrialOutcome.Candidate;
import ebmopt.experiment.TrialOutcome.CurvePoint;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Commits one trial's rows atomically: every file is written into a private staging
 * folder, checked (each file present, its Parquet footer readable, its row count the one
 * written), marked with its status last, and only then renamed to {@code results/<trial id>}
 * in one step. An interrupted or damaged write leaves only staging debris, which no reader
 * looks at; a second attempt at a trial that is already done (a retried or speculative task)
 * discards its copy, so no trial is ever present twice. A committed folder that lost a
 * required file since counts as not committed and is replaced.
 */
public final class TrialCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(TrialCommitter.class);
    public static final String TRIALS_FILE = "trials.parquet";
    public static final String CURVES_FILE = "curves.parquet";
    /** Written by every commit, empty when the trial proposed no designs; absent from folders of older versions. */
    public static final String CANDIDATES_FILE = "candidates.parquet";

    /** Called with the staging folder once its files are written, before they are checked (a test seam). */
    @FunctionalInterface
    interface StagedHook {
        void staged(FileSystem fs, Path staging) throws IOException;
    }

    private final ResultLayout layout;
    private final Configuration conf;
    private final StagedHook hook;

    public TrialCommitter(ResultLayout layout, Configuration conf) {
        this(layout, conf, (fs, staging) -> { });
    }

    TrialCommitter(ResultLayout layout, Configuration conf, StagedHook hook) {
        this.layout = layout;
        this.conf = conf;
        this.hook = hook;
    }

    /** What a commit did. */
    public enum Result {
        /** The trial's folder is now in place. */
        COMMITTED,
        /** Another attempt had already committed this trial as done; this copy was dropped. */
        ALREADY_DONE
    }

    /**
     * Writes, checks and commits. An IOException here is an infrastructure failure (a file
     * that could not be written, or vanished before the rename): let it propagate so that
     * Spark retries the task. Nothing becomes visible then.
     */
    public Result commit(TrialRecord record, List<CurvePoint> curves, List<Candidate> candidates) throws IOException {
        FileSystem fs = layout.root().getFileSystem(conf);
        Path target = layout.trialDir(record.trialId());
        if (isIntactDone(fs, target)) {
            return Result.ALREADY_DONE;
        }
        String commitId = UUID.randomUUID().toString();
        Path staging = new Path(layout.staging(), record.trialId() + "." + commitId);
        fs.mkdirs(staging);
        MessageType trials = ParquetSchemas.trials(record.params().getClass());
        ParquetRows.write(new Path(staging, TRIALS_FILE), trials,
                List.of(ParquetRows.trialRow(trials, record, commitId)), conf);
        MessageType curveSchema = ParquetSchemas.curves();
        ParquetRows.write(new Path(staging, CURVES_FILE), curveSchema,
                ParquetRows.curveRows(curveSchema, record.trialId(), record.sweep(), curves, commitId), conf);
        MessageType candidateSchema = ParquetSchemas.candidates();
        ParquetRows.write(new Path(staging, CANDIDATES_FILE), candidateSchema,
                ParquetRows.candidateRows(candidateSchema, record.trialId(), record.sweep(), candidates, commitId), conf);
        hook.staged(fs, staging);
        String marker = ResultLayout.marker(record.status(), commitId);
        try {
            verify(staging, Map.of(TRIALS_FILE, 1L, CURVES_FILE, (long) curves.size(),
                    CANDIDATES_FILE, (long) candidates.size()));
            fs.create(new Path(staging, marker), false).close();
            // The marker's create would recreate a deleted folder: check that the files are still beside it.
            List<String> expected = List.of(TRIALS_FILE, CURVES_FILE, CANDIDATES_FILE, marker);
            List<String> lost = missing(fs, staging, expected);
            if (!lost.isEmpty()) {
                throw new IOException("the staging folder " + staging + " lost " + String.join(", ", lost)
                        + " after its check; not committed");
            }
        } catch (IOException e) {
            fs.delete(staging, true);
            throw e;
        }

        fs.mkdirs(layout.results());
        if (fs.exists(target)) {
            // A failed or diverged earlier attempt being retried on request, or a damaged folder: move it aside first.
            if (isIntactDone(fs, target)) {
                fs.delete(staging, true);
                return Result.ALREADY_DONE;
            }
            Path aside = new Path(layout.staging(), record.trialId() + ".replaced." + UUID.randomUUID());
            if (!fs.rename(target, aside)) {
                fs.delete(staging, true);
                throw new IOException("could not move the earlier attempt " + target + " aside");
            }
            fs.delete(aside, true);
        }
        if (!fs.rename(staging, target)) {
            fs.delete(staging, true);
            if (isIntactDone(fs, target)) {
                return Result.ALREADY_DONE;
            }
            throw new IOException("could not rename " + staging + " to " + target);
        }
        return Result.COMMITTED;
    }

    /**
     * Checks that each file is in {@code staging} with a readable Parquet footer and the
     * number of rows written.
     */
    private void verify(Path staging, Map<String, Long> rowCounts) throws IOException {
        for (Map.Entry<String, Long> file : rowCounts.entrySet()) {
            Path path = new Path(staging, file.getKey());
            long rows;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
                rows = reader.getRecordCount();
            } catch (FileNotFoundException e) {
                throw new IOException("the staging folder " + staging + " lost " + file.getKey()
                        + " before its commit (was _staging cleared under a running trial?); not committed", e);
            } catch (RuntimeException e) {
                throw new IOException(path + " is not a readable Parquet file; not committed", e);
            }
            if (rows != file.getValue()) {
                throw new IOException(path + " holds " + rows + " rows where " + file.getValue()
                        + " were written; not committed");
            }
        }
    }

    /** Whether {@code trialDir} holds a done commit with every required file; a damaged one is logged. */
    private static boolean isIntactDone(FileSystem fs, Path trialDir) throws IOException {
        FileStatus[] done = fs.globStatus(new Path(trialDir, ResultLayout.STATUS_PREFIX + TrialStatus.DONE.label() + ".*"));
        if (done == null || done.length == 0) {
            return false;
        }
        List<String> lost = missing(fs, trialDir, CommittedTrials.REQUIRED_FILES);
        if (!lost.isEmpty()) {
            LOG.warn("trial folder {} is marked done but has no {}: replacing it", trialDir, String.join(", ", lost));
        }
        return lost.isEmpty();
    }

    /** Those of {@code names} not in the folder {@code dir} (all of them when it is gone). */
    private static List<String> missing(FileSystem fs, Path dir, List<String> names) throws IOException {
        Set<String> present = new HashSet<>();
        try {
            for (FileStatus f : fs.listStatus(dir)) {
                present.add(f.getPath().getName());
            }
        } catch (FileNotFoundException e) {
            return names;
        }
        List<String> lost = new ArrayList<>(names);
        lost.removeAll(present);
        return lost;
    }
}
