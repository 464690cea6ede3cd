package ebmopt.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * submit/publish copies a finished sweep into the published results, and a fresh output root's
 * report shows them.
 */
class PublishCommandTest {

    @TempDir
    Path dir;

    @Test
    void aPublishedSweepReachesTheReportOfAnEmptyOutputRoot() throws Exception {
        String root = "output.root=" + dir.resolve("mine");
        String published = "reference.published=" + dir.resolve("published");
        CommandRun sweep = CommandRun.of("sweep", "jobs/quickstart.conf", "--set", root);
        assertEquals(0, sweep.code(), sweep.err());

        CommandRun publish = CommandRun.of("publish", "jobs/quickstart.conf", "--set", root, "--set", published);
        assertEquals(0, publish.code(), publish.err());
        assertTrue(publish.out().contains("Published 50 done trials of quickstart"), publish.out());
        Path folder = dir.resolve("published/quickstart");
        assertTrue(Files.isRegularFile(folder.resolve("sweep.conf")), "no sweep.conf in " + folder);
        assertFalse(Files.exists(folder.resolve("_checkpoints")) || Files.exists(folder.resolve("results")),
                "published more than the tables");

        // A fresh output root: the report's Table 14 cells come from the published sweep alone.
        String fresh = "output.root=" + dir.resolve("fresh");
        CommandRun report = CommandRun.of("tables", "all", "--set", fresh, "--set", published);
        assertEquals(0, report.code(), report.err());
        String markdown = Files.readString(dir.resolve("fresh/report/report.md"));
        assertTrue(markdown.contains("quickstart (published: 50 trials"), markdown.substring(0, 600));
        Path cells = dir.resolve("fresh/tables/reproduced");
        assertTrue(Files.isDirectory(cells), "no cells table");
        CommandRun counted = CommandRun.of("sql", "SELECT count(*) AS ours FROM reproduced WHERE table_id = 'table14' "
                + "AND ours_mean IS NOT NULL", "--set", fresh);
        assertEquals(0, counted.code(), counted.err());
        assertTrue(counted.out().matches("(?s).*\\|\\s*[1-9][0-9]*\\s*\\|.*"), "no Table 14 cell of ours: "
                + counted.out());

        CommandRun nothing = CommandRun.of("publish", "jobs/quickstart.conf", "--set",
                "output.root=" + dir.resolve("empty"), "--set", published);
        assertEquals(1, nothing.code());
        assertTrue(nothing.err().contains("empty/quickstart") && !nothing.stackTrace(), nothing.err());
    }
}
