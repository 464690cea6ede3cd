package ebmopt.results;

import ebmopt.experiment.TrialOutcome.Candidate;
import ebmopt.experiment.TrialOutcome.CurvePoint;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Commits one trial's rows atomically: every file is written into a private staging
 * folder, which is then renamed to {@code results/<trial id>} in one step. An interrupted
 * write leaves only staging debris, which no reader looks at; a second attempt at a trial
 * that is already done (a retried or speculative task) discards its copy, so no trial is
 * ever present twice.
 */
public final class TrialCommitter {
    public static final String TRIALS_FILE = "trials.parquet";
    public static final String CURVES_FILE = "curves.parquet";
    /** Written by every commit, empty when the trial proposed no designs; absent from folders of older versions. */
    public static final String CANDIDATES_FILE = "candidates.parquet";

    private final ResultLayout layout;
    private final Configuration conf;

    public TrialCommitter(ResultLayout layout, Configuration conf) {
        this.layout = layout;
        this.conf = conf;
    }

    /** What a commit did. */
    public enum Result {
        /** The trial's folder is now in place. */
        COMMITTED,
        /** Another attempt had already committed this trial as done; this copy was dropped. */
        ALREADY_DONE
    }

    /**
     * Writes and commits. An IOException here is an infrastructure failure: let it
     * propagate so that Spark retries the task.
     */
    public Result commit(TrialRecord record, List<CurvePoint> curves, List<Candidate> candidates) throws IOException {
        FileSystem fs = layout.root().getFileSystem(conf);
        Path target = layout.trialDir(record.trialId());
        if (isDone(fs, target)) {
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
        fs.create(new Path(staging, ResultLayout.marker(record.status(), commitId)), false).close();

        fs.mkdirs(layout.results());
        if (fs.exists(target)) {
            // A failed or diverged earlier attempt, being retried on request: move it aside first.
            if (isDone(fs, target)) {
                fs.delete(staging, true);
                return Result.ALREADY_DONE;
            }
            Path aside = new Path(layout.staging(), record.trialId() + ".replaced." + UUID.randomUUID());
            if (!fs.rename(target, aside)) {
                throw new IOException("could not move the earlier attempt " + target + " aside");
            }
            fs.delete(aside, true);
        }
        if (!fs.rename(staging, target)) {
            fs.delete(staging, true);
            if (fs.exists(target)) {
                return Result.ALREADY_DONE;
            }
            throw new IOException("could not rename " + staging + " to " + target);
        }
        return Result.COMMITTED;
    }

    private static boolean isDone(FileSystem fs, Path trialDir) throws IOException {
        FileStatus[] done = fs.globStatus(new Path(trialDir, ResultLayout.STATUS_PREFIX + TrialStatus.DONE.label() + ".*"));
        return done != null && done.length > 0;
    }
}
