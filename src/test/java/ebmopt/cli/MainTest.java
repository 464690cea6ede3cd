package ebmopt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: a dry run lists the trials; mistakes exit 2 before anything runs. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void dryRunListsEveryTrialWithoutRunningAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"sweep", "jobs/quickstart.conf", "--dry-run",
                "--set", "output.root=\"" + dir + "\""}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code);
        assertTrue(text.contains("Sweep quickstart (experiment gaussian): 50 trials"), text);
        assertEquals(50, text.lines().filter(l -> l.contains("objective=")).count());
        assertTrue(Files.notExists(dir.resolve("quickstart")), "a dry run wrote results");
    }

    @Test
    void aBadOverrideExitsWithCode2() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(new String[]{"sweep", "jobs/quickstart.conf", "--dry-run",
                    "--set", "params.samples = many"}, System.out);
            assertEquals(2, code);
        } finally {
            System.setErr(err);
        }
        String message = captured.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("params.samples") && message.contains("override"), message);
    }

    @Test
    void oracleNamesTheTasksWithARetrainedOracleAndTheMissingData() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.run(new String[]{"oracle", "tf-bind-8"}, System.out));
            assertTrue(captured.toString(StandardCharsets.UTF_8).contains("known: [superconductor]"),
                    captured.toString(StandardCharsets.UTF_8));
            assertEquals(1, Main.run(new String[]{"oracle", "superconductor", "--set", "data.dir=\"" + dir + "\""},
                    System.out));
            assertTrue(captured.toString(StandardCharsets.UTF_8).contains("Missing data file "
                    + dir.resolve("superconductor/unique_m.csv")), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void anUnknownCommandPrintsUsage() {
        assertEquals(2, Main.run(new String[]{"frobnicate"}, System.out));
        assertEquals(2, Main.run(new String[]{}, System.out));
    }
}
