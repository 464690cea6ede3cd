package ebmopt.results;

import ebmopt.experiment.TrialCheckpoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * A trial's checkpoint as one file, {@code _checkpoints/<trial id>.ckpt} under the sweep's
 * folder (any Hadoop file system, so an executor on another machine resumes it). A save writes
 * a temporary file and renames it over the previous one, so a reader never sees half a state.
 * On local disks the checksummed file system is bypassed: its data file and its {@code .crc}
 * twin are renamed one after the other, and a process killed between the two renames left a
 * checkpoint that failed its checksum.
 */
public final class CheckpointStore implements TrialCheckpoints {
    public static final String DIR = "_checkpoints";
    private static final String SUFFIX = ".ckpt";

    private final Path file;
    private final Configuration hadoop;
    private final long intervalNanos;
    private long lastSaveNanos = System.nanoTime();

    /**
     * @param intervalMs how long between saves ({@link #due}); 0 turns saving off
     */
    public CheckpointStore(ResultLayout layout, String trialId, Configuration hadoop, long intervalMs) {
        this.file = new Path(new Path(layout.root(), DIR), trialId + SUFFIX);
        this.hadoop = hadoop;
        this.intervalNanos = intervalMs * 1_000_000L;
    }

    @Override
    public Optional<byte[]> latest() {
        try {
            FileSystem fs = fileSystem();
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file, e);
        }
    }

    @Override
    public boolean due() {
        return intervalNanos > 0 && System.nanoTime() - lastSaveNanos >= intervalNanos;
    }

    @Override
    public void save(byte[] state) {
        Path tmp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            FileSystem fs = fileSystem();
            fs.mkdirs(file.getParent());
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write(state);
            }
            if (fs instanceof RawLocalFileSystem) {
                // rename(2): replaces the previous checkpoint atomically
                if (!fs.rename(tmp, file)) {
                    throw new IOException("rename of " + tmp + " to " + file + " failed");
                }
            } else {
                FileContext.getFileContext(file.toUri(), hadoop).rename(tmp, file, Options.Rename.OVERWRITE);
            }
            lastSaveNanos = System.nanoTime();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint " + file, e);
        }
    }

    /** The checkpoint's file system; on a local disk its raw, unchecksummed form. */
    private FileSystem fileSystem() throws IOException {
        FileSystem fs = file.getFileSystem(hadoop);
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    /** Removes the trial's checkpoint (after its commit). */
    public void clear() {
        try {
            fileSystem().delete(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the checkpoint " + file, e);
        }
    }
}
