package ebmopt.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the code and machine recorded with every trial.
 */
public final class Provenance {
    private Provenance() {
    }

    /**
     * The code version: the project version plus the git commit of the working directory
     * ("-dirty" when tracked files have uncommitted changes), or the version alone where
     * there is no git checkout (a cluster node running the submitted jar).
     */
    public static String codeVersion() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        String base = version == null ? "dev" : version;
        String commit = git("rev-parse", "--short=12", "HEAD");
        if (commit == null) {
            return base;
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return base + "+" + commit + (changes == null || changes.isEmpty() ? "" : "-dirty");
    }

    /** This machine's host name. */
    public static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
