package ebmopt.results;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Atomic file operations on a raw local file system and on HDFS-like stores:
 * <ul>
 * <li>{@link #replace}: a small file's new content via a temporary file renamed over it, so a
 *     reader sees the old content or the new, never half of it and (on local disks and HDFS)
 *     never no file. On local disks the checksummed file system is bypassed: its data file and
 *     its {@code .crc} twin are renamed one after the other, and a process killed between the
 *     two renames leaves a file that fails its checksum.</li>
 * <li>{@link #createNew}, {@link #moveAway}, {@link #moveBack}: what a lock needs: create a
 *     file with its content unless one exists, and move a file to a name no one else uses (or
 *     back, unless the name was taken meanwhile). Hadoop's local {@code create(path, false)}
 *     checks and then creates, so two processes can both succeed; the local versions here use
 *     a hard link, which the kernel refuses when the name exists.</li>
 * </ul>
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

    /** Creates {@code file} holding {@code content}, complete when it appears; false if it exists. */
    static boolean createNew(FileSystem fs, Path file, byte[] content) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            java.nio.file.Path target = local.pathToFile(file).toPath();
            Files.createDirectories(target.getParent());
            java.nio.file.Path written = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.write(written, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.createLink(target, written);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(written);
            }
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(content);
            return true;
        } catch (IOException e) {
            if (fs.exists(file)) {
                return false; // FileAlreadyExistsException, or another client creating it right now
            }
            throw e;
        }
    }

    /** Renames {@code file} to {@code fresh}, a name no one else uses; false if {@code file} is gone. */
    static boolean moveAway(FileSystem fs, Path file, Path fresh) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            try {
                Files.move(local.pathToFile(file).toPath(), local.pathToFile(fresh).toPath(),
                        StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        }
        try {
            return fs.rename(file, fresh);
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    /** Renames {@code moved} back to {@code file} unless {@code file} exists again; false then. */
    static boolean moveBack(FileSystem fs, Path moved, Path file) throws IOException {
        if (fs instanceof RawLocalFileSystem local) {
            java.nio.file.Path source = local.pathToFile(moved).toPath();
            try {
                Files.createLink(local.pathToFile(file).toPath(), source);
            } catch (FileAlreadyExistsException e) {
                return false;
            }
            Files.delete(source);
            return true;
        }
        return fs.rename(moved, file); // HDFS refuses to rename onto an existing file
    }
}
