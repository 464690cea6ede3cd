package ebmopt.results;

import ebmopt.experiment.TrialCheckpoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A trial's checkpoint as one file, {@code _checkpoints/<trial id>.ckpt} under the sweep's
 * folder (any Hadoop file system, so an executor on another machine resumes it). A save writes
 * a temporary file and renames it over the previous one, so a reader never sees half a state.
 * On local disks the checksummed file system is bypassed: its data file and its {@code .crc}
 * twin are renamed one after the other, and a process killed between the two renames left a
 * checkpoint that failed its checksum.
 *
 * <p>With {@code run.keep-final-state}, a trial's trained state also goes to
 * {@code _final-states/<trial id>.ckpt}, which outlives the commit (for {@code ebm-opt resample}).
 */
public final class CheckpointStore implements TrialCheckpoints {
    public static final String DIR = "_checkpoints";
    public static final String FINAL_DIR = "_final-states";
    private static final String SUFFIX = ".ckpt";

    private final Path file;
    private final Path finalFile;
    private final Configuration hadoop;
    private final long intervalNanos;
    private final boolean keepFinal;
    private long lastSaveNanos = System.nanoTime();

    /**
     * @param intervalMs how long between saves ({@link #due}); 0 turns saving off
     * @param keepFinal  whether {@link #keepFinal} writes the trained state (else it is ignored)
     */
    public CheckpointStore(ResultLayout layout, String trialId, Configuration hadoop, long intervalMs,
                           boolean keepFinal) {
        this.file = checkpointFile(layout, trialId);
        this.finalFile = finalStateFile(layout, trialId);
        this.hadoop = hadoop;
        this.intervalNanos = intervalMs * 1_000_000L;
        this.keepFinal = keepFinal;
    }

    /** Where a trial's checkpoint lives while it trains (and after an interruption). */
    public static Path checkpointFile(ResultLayout layout, String trialId) {
        return new Path(new Path(layout.root(), DIR), trialId + SUFFIX);
    }

    /** Where a trial's trained state lives after its commit, when the run kept it. */
    public static Path finalStateFile(ResultLayout layout, String trialId) {
        return new Path(new Path(layout.root(), FINAL_DIR), trialId + SUFFIX);
    }

    /**
     * The most trained state a trial has left: its kept final state, else its checkpoint (a trial
     * still running or interrupted); empty when it has neither.
     */
    public static Optional<Saved> mostTrained(ResultLayout layout, String trialId, Configuration hadoop) {
        for (Path candidate : new Path[] {finalStateFile(layout, trialId), checkpointFile(layout, trialId)}) {
            Optional<byte[]> bytes = read(candidate, hadoop);
            if (bytes.isPresent()) {
                return Optional.of(new Saved(candidate, bytes.get()));
            }
        }
        return Optional.empty();
    }

    /** A saved state and the file it came from. */
    public record Saved(Path file, byte[] bytes) {
    }

    @Override
    public Optional<byte[]> latest() {
        return read(file, hadoop);
    }

    /** The bytes of a saved state, or empty when the file does not exist. */
    public static Optional<byte[]> read(Path file, Configuration hadoop) {
        try {
            FileSystem fs = AtomicFiles.rawFileSystem(file, hadoop);
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved state " + file, e);
        }
    }

    @Override
    public boolean due() {
        return intervalNanos > 0 && System.nanoTime() - lastSaveNanos >= intervalNanos;
    }

    @Override
    public void save(byte[] state) {
        write(file, state);
        lastSaveNanos = System.nanoTime();
    }

    @Override
    public boolean keepsFinal() {
        return keepFinal;
    }

    @Override
    public void keepFinal(byte[] state) {
        if (keepFinal) {
            write(finalFile, state);
        }
    }

    /** Writes a temporary file and renames it over {@code file}. */
    private void write(Path file, byte[] state) {
        try {
            AtomicFiles.replace(file, state, hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the state " + file, e);
        }
    }

    /** Removes the trial's checkpoint (after its commit); a kept final state stays. */
    public void clear() {
        try {
            AtomicFiles.rawFileSystem(file, hadoop).delete(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the checkpoint " + file, e);
        }
    }
}
