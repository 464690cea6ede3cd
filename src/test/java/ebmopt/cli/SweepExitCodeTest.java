package ebmopt.cli;

import ebmopt.testing.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sweep}'s exit code on local Spark: 4 while any trial of the sweep is failed or
 * diverged (this run's, or kept from an earlier run), with the count and the first error in
 * the summary; 0 once every trial is done; 1 with one line when the Spark job fails.
 */
class SweepExitCodeTest {

    @TempDir
    Path dir;

    private CommandRun sweep(Path job, String... extra) {
        String[] args = {"sweep", job.toString(), "--conf", TestSweeps.PROFILE, "--set",
                "output.root=\"" + dir.resolve("out") + "\""};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CommandRun.of(all);
    }

    @Test
    void aSweepWithAFailedTrialExits4UntilItIsDone() throws IOException {
        Path fault = Files.createFile(dir.resolve("fault-present"));
        Path job = TestSweeps.job(dir, "echo-exit", """
                params { fail-on-replicate = 1, fail-while-exists = "%s" }
                sweep.grids = [ { replicate = {from = 0, until = 3} } ]
                """.formatted(fault));
        CommandRun first = sweep(job);
        assertEquals(4, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("Incomplete: 1 trial(s) of this run failed, diverged or were retryable (first: "
                + "failed ") && first.out().contains("injected failure on replicate 1")
                && first.out().contains("; 0 kept failed or diverged from earlier runs"), first.out());

        Files.delete(fault);
        CommandRun kept = sweep(job);
        assertEquals(4, kept.code(), "a failure kept from an earlier run: the sweep is still not complete");
        assertTrue(kept.out().contains("Incomplete: 0 trial(s) of this run") && kept.out().contains(
                "; 1 kept failed or diverged from earlier runs (--retry-failed runs them again"), kept.out());

        CommandRun retried = sweep(job, "--retry-failed");
        assertEquals(0, retried.code(), retried.out() + retried.err());
        assertTrue(!retried.out().contains("Incomplete") && retried.out().contains("1 done, 0 failed"), retried.out());
    }

    @Test
    void aSparkJobThatFailsEndsInOneLineAndARerunResumes() throws IOException {
        Path job = TestSweeps.job(dir, "echo-nocommit", "sweep.grids = [ { replicate = {from = 0, until = 2} } ]\n");
        // results/ is a file: no trial can be committed on any try, so Spark gives up on the job
        Path results = dir.resolve("out/echo-nocommit/results");
        Files.createDirectories(results.getParent());
        Files.writeString(results, "not a folder");
        CommandRun failed = sweep(job);
        assertEquals(1, failed.code(), failed.out() + failed.err());
        String error = failed.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        assertTrue(error.startsWith("error: the sweep's Spark job failed") && error.contains("a rerun resumes"),
                failed.err());
        assertTrue(failed.err().lines().noneMatch(l -> l.startsWith("Exception in thread")), failed.err());

        // (Hadoop's local rename falls back to a copy, which may have put a trial in place meanwhile.)
        if (Files.isRegularFile(results)) {
            Files.delete(results);
        }
        CommandRun rerun = sweep(job);
        assertEquals(0, rerun.code(), "exit 0: every trial of the sweep done\n" + rerun.out() + rerun.err());
    }
}
