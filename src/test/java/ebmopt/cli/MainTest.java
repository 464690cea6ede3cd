package ebmopt.cli;

import ebmopt.config.PathNames;
import ebmopt.testing.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line: a dry run lists the trials; mistakes (bad names, overrides of swept keys, an
 * output root that is a file, unknown tasks, missing or corrupt data) exit 2 with one message before
 * anything runs.
 */
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

    @Test
    void anUnquotedSparkMasterIsAccepted() {
        for (String master : new String[]{"local[2]", "local[*,3]"}) {
            CommandRun run = CommandRun.of("sweep", "jobs/quickstart.conf", "--dry-run", "--set",
                    "spark.master=" + master, "--set", "output.root=\"" + dir + "\"");
            assertEquals(0, run.code(), run.err());
        }
    }

    @Test
    void namesThatWouldLeaveTheOutputRootExit2() throws IOException {
        CommandRun parent = CommandRun.of("sweep", "jobs/quickstart.conf", "--dry-run", "--set", "job.name=..");
        assertEquals(2, parent.code());
        assertTrue(parent.err().contains("job.name = \"..\"") && parent.err().contains(PathNames.ALLOWED), parent.err());

        Path job = dir.resolve("escaping-scale.conf");
        Files.writeString(job, "job { name = q, experiment = gaussian }\nscales { \"q/../../x\" { } }\n");
        CommandRun scale = CommandRun.of("sweep", job.toString(), "--dry-run", "--scale", "q/../../x");
        assertEquals(2, scale.code());
        assertTrue(scale.err().contains("--scale 'q/../../x'") && scale.err().contains(PathNames.ALLOWED), scale.err());
        assertFalse(scale.stackTrace(), scale.err());
    }

    @Test
    void aSetOfASweptKeyExits2NamingTheGrid() {
        CommandRun run = CommandRun.of("sweep", "jobs/quickstart.conf", "--dry-run", "--set", "params.noise-magnitude=5");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("params.noise-magnitude") && run.err().contains("sweep.grids[0].noise-magnitude")
                && run.err().contains("jobs/quickstart.conf") && run.err().contains("--set 'sweep.grids="), run.err());
    }

    @Test
    void anOutputRootThatIsAFileIsOneLineNotAStackTrace() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        for (String root : new String[]{file.toString(), file + "/below"}) {
            CommandRun run = CommandRun.of("sweep", "jobs/quickstart.conf", "--set", "output.root=\"" + root + "\"");
            assertEquals(2, run.code(), run.err());
            assertTrue(run.err().contains(file + " is a file, not a directory"), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
    }

    /** An empty data folder: the expected checksums are the project's own. */
    private Path dataDirWithoutFiles() throws IOException {
        return Files.createDirectories(dir.resolve("data"));
    }

    private CommandRun lebmSweep(Path data, String task, String... extra) {
        List<String> args = new ArrayList<>(List.of("sweep", "jobs/lebm-table7.conf", "--conf", TestSweeps.PROFILE,
                "--scale", "ci", "--set", "output.root=\"" + dir.resolve("out") + "\"", "--set",
                "data.dir=\"" + data + "\"", "--set", "sweep.grids=[{task=[" + task + "]}]"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    @Test
    void missingOrCorruptDataFailsAtPlanningWithExit2() throws IOException {
        Path data = dataDirWithoutFiles();
        Path x = data.resolve("tf_bind_8/tf_bind_8-x.npy");
        for (String[] mode : new String[][]{{"--dry-run"}, {}}) {
            CommandRun missing = lebmSweep(data, "tf-bind-8", mode);
            assertEquals(2, missing.code(), missing.err());
            assertTrue(missing.err().contains("Missing data file " + x + " (expected SHA-256 "
                    + "8957a728704d2e6c5dbba921dd9e16cbd76797489b081c5dc7f39ca23582d95d); fetch it with: "
                    + "submit/fetch-data tf-bind-8 --set 'data.dir=\"" + data + "\"'"), missing.err());
            assertFalse(missing.stackTrace(), missing.err());
        }
        Files.createDirectories(x.getParent());
        Files.writeString(x, "not the data");
        CommandRun corrupt = lebmSweep(data, "tf-bind-8");
        assertEquals(2, corrupt.code(), corrupt.err());
        assertTrue(corrupt.err().contains("Corrupt data file " + x) && corrupt.err().contains(
                "expected 8957a728704d2e6c5dbba921dd9e16cbd76797489b081c5dc7f39ca23582d95d"), corrupt.err());
        assertTrue(Files.notExists(dir.resolve("out")), "the sweep started: it wrote under output.root");
    }

    @Test
    void anUnknownTaskFailsAtPlanningListingTheKnownOnes() {
        for (String[] mode : new String[][]{{"--dry-run"}, {}}) {
            CommandRun run = lebmSweep(Path.of("../shared/data"), "tf-bind-9", mode);
            assertEquals(2, run.code(), run.err());
            assertTrue(run.err().contains("Unknown task 'tf-bind-9'") && run.err().contains("known: [tf-bind-8"),
                    run.err());
        }
        assertTrue(Files.notExists(dir.resolve("out")), "the sweep started: it wrote under output.root");
    }

    @Test
    void fetchDataNamesTheFileItsUrlAndChecksumWhenTheSourceLacksIt() throws IOException {
        Path data = dataDirWithoutFiles();
        Path mirror = Files.createDirectories(dir.resolve("empty-mirror"));
        CommandRun run = CommandRun.of("fetch-data", "tf-bind-8", "--set", "data.dir=\"" + data + "\"", "--set",
                "data.source-url=\"" + mirror.toUri() + "\"");
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("Cannot fetch tf_bind_8/tf_bind_8-x.npy (expected SHA-256 "
                + "8957a728704d2e6c5dbba921dd9e16cbd76797489b081c5dc7f39ca23582d95d)") && run.err().contains(
                mirror.resolve("tf_bind_8-SIX6_REF_R1/tf_bind_8-x-0.npy").toUri().toString()), run.err());
        assertFalse(run.stackTrace(), run.err());
        assertEquals(List.of(), Files.list(data).toList(), "something was left in data.dir");

        CommandRun unknown = CommandRun.of("fetch-data", "superconductor");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("known: all, tf-bind-8, tf-bind-10"), unknown.err());
    }

    @Test
    void helpAnywhereOnTheCommandLinePrintsTheUsageAndExits0() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"sweep", "--help"},
                new String[] {"nightly", "jobs/nightly.conf", "-h"}, new String[] {"sql", "--help"},
                new String[] {"fetch-data", "--help"})) {
            CommandRun run = CommandRun.of(args);
            assertEquals(0, run.code(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.out().contains("Exit codes:") && run.err().isEmpty(), run.out() + run.err());
        }
        assertEquals(2, CommandRun.of().code(), "no command at all is a usage error");
    }
}
