package ebmopt.run;

import ebmopt.config.ConfigError;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the driver, while a sweep is planned, that a local {@code output.root} can hold
 * the sweep's folder: neither the folder nor any of its parents is a file, and the nearest
 * existing one is writable. A mistake is one {@link ConfigError} naming the path, not a
 * Hadoop stack trace after Spark started. Remote roots (hdfs:, s3a:, ...) are not checked
 * here; an I/O error on them ends the sweep with one line (exit code 1).
 */
final class OutputRootCheck {
    private OutputRootCheck() {
    }

    /** Checks {@code outputRoot/sweepName} when {@code outputRoot} is a local path. */
    static void check(String outputRoot, String sweepName) {
        java.net.URI uri = new org.apache.hadoop.fs.Path(outputRoot).toUri();
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return;
        }
        Path sweepDir = Path.of(uri.getPath()).toAbsolutePath().resolve(sweepName);
        Path existing = sweepDir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        String what = "output.root = " + outputRoot + ": the sweep's folder " + sweepDir + " cannot be ";
        if (!Files.isDirectory(existing)) {
            throw new ConfigError(what + "created because " + existing + " is a file, not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new ConfigError(what + "written: " + existing + " is not writable");
        }
    }
}
