package ebmopt.nightly;

import ebmopt.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NightlySelectionTest {
    @TempDir
    Path dir;

    private Path job(String name, String scales) throws IOException {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, "job { name = " + name + ", experiment = gaussian }\nscales { " + scales + " }\n");
        return file;
    }

    private NightlySelection read(String body) throws IOException {
        Path selection = dir.resolve("nightly.conf");
        Files.writeString(selection, "nightly { " + body + " }\n");
        return NightlySelection.read(selection);
    }

    @Test
    void anEntryNamesItsOwnScaleAndTheOthersTakeTheDefault() throws IOException {
        Path a = job("a", "ci { }, nightly { }");
        Path b = job("b", "ci { }");
        Path c = job("c", "other { }");
        NightlySelection s = read("scale = ci, jobs = [\"" + a + "\", {job = \"" + b + "\", scale = ci}, \"" + c + "\"]");
        assertEquals(3, s.jobs().size());
        assertEquals("ci", s.scaleOf(a));
        assertEquals("ci", s.scaleOf(b));
        assertNull(s.scaleOf(c), "c declares no ci scale: it runs as written");
        NightlySelection own = read("scale = ci, jobs = [{job = \"" + a + "\", scale = nightly}]");
        assertEquals("nightly", own.scaleOf(a));
    }

    @Test
    void aScaleTheJobDoesNotDeclareIsRefusedByName() throws IOException {
        Path a = job("a", "ci { }");
        ConfigError e = assertThrows(ConfigError.class, () -> read("jobs = [{job = \"" + a + "\", scale = nightly}]"));
        assertTrue(e.getMessage().contains("scale nightly") && e.getMessage().contains(a.toString()), e.getMessage());
    }

    @Test
    void malformedEntriesAreRefused() throws IOException {
        Path a = job("a", "ci { }");
        assertTrue(assertThrows(ConfigError.class, () -> read("jobs = [{job = \"" + a + "\", scale = ci, x = 1}]"))
                .getMessage().contains("Unknown key x"));
        assertTrue(assertThrows(ConfigError.class, () -> read("jobs = [{job = \"" + a + "\"}]"))
                .getMessage().contains("needs both job and scale"));
        assertTrue(assertThrows(ConfigError.class, () -> read("jobs = [\"" + dir.resolve("missing.conf") + "\"]"))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(ConfigError.class, () -> read("jobs = [3]")).getMessage()
                .contains("must be a job file"));
    }
}
