package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.util.UUID;

/**
 * Replaces a small file atomically on any Hadoop file system: the bytes go to a temporary file
 * beside it, which is renamed over the previous one, so a reader sees the old content or the new,
 * never half of it and (on local disks and HDFS) never no file. On local disks the checksummed
 * file system is bypassed: its data file and its {@code .crc} twin are renamed one after the
 * other, and a process killed between the two renames leaves a file that fails its checksum.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code bytes} to a temporary file and renames it over {@code file}. */
    public static void replace(Path file, byte[] bytes, Configuration hadoop) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        FileSystem fs = rawFileSystem(file, hadoop);
        fs.mkdirs(file.getParent());
        try (FSDataOutputStream out = fs.create(tmp, true)) {
            out.write(bytes);
        }
        if (fs instanceof RawLocalFileSystem) {
            // rename(2): replaces the previous file atomically
            if (!fs.rename(tmp, file)) {
                throw new IOException("rename of " + tmp + " to " + file + " failed");
            }
        } else {
            // FileSystem.rename onto an existing file fails on HDFS; FileContext's OVERWRITE replaces it.
            FileContext.getFileContext(file.toUri(), hadoop).rename(tmp, file, Options.Rename.OVERWRITE);
        }
    }

    /** A file's file system; on a local disk its raw, unchecksummed form (no hidden .crc twin). */
    public static FileSystem rawFileSystem(Path file, Configuration hadoop) throws IOException {
        FileSystem fs = file.getFileSystem(hadoop);
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }
}
