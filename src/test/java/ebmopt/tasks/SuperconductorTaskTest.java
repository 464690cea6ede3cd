package ebmopt.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperconductorTaskTest {
    @TempDir
    Path tmp;

    /** A unique_m.csv of the UCI shape (86 elements, critical_temp, material), y = 1..rows. */
    private Path write(List<String> columns, int rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", columns));
        for (int r = 1; r <= rows; r++) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) {
                cells.add(c.equals("critical_temp") ? Integer.toString(r) : c.equals("material") ? "Ba0.2La1.8Cu1O4"
                        : c.equals("Cu") ? "1.0" : c.equals("O") ? Double.toString(r / 10.0) : "0");
            }
            lines.add(String.join(",", cells));
        }
        Path file = tmp.resolve(SuperconductorTask.FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        return file;
    }

    private static List<String> uciColumns() {
        List<String> c = new ArrayList<>(SuperconductorTask.ELEMENTS);
        c.add("critical_temp");
        c.add("material");
        return c;
    }

    @Test
    void visibleIsTheLowest80Percent() throws IOException {
        write(uciColumns(), 50);
        Task task = TaskRegistry.load("superconductor", tmp, 0);
        // 80th percentile of 1..50 is 40.2: rows 1..40
        assertEquals(40, task.visible().rows());
        assertEquals(new Encoding.Continuous(86), task.encoding());
        assertEquals(40.0, task.bestVisibleY());
        int o = SuperconductorTask.ELEMENTS.indexOf("O");
        assertEquals(4.0, task.visible().features(39)[o]);
        assertEquals(1.0, task.visible().features(0)[SuperconductorTask.ELEMENTS.indexOf("Cu")]);
        assertEquals(new MinMax(0.00021, 185.0), task.scoreNormalisation());
        assertTrue(task.dataChecksums().containsKey(SuperconductorTask.FILE));
        assertFalse(task.hasOracle(), "an oracle without a trained cache");
        assertEquals("re-trained random forest", task.oracleKind());
        assertEquals("exact", TaskRegistry.load("branin-50", tmp, 0).oracleKind());
        assertThrows(UnsupportedOperationException.class, () -> task.score(new double[86]));
    }

    @Test
    void columnOrderDoesNotMatter() throws IOException {
        List<String> c = uciColumns();
        java.util.Collections.reverse(c);
        write(c, 10);
        Dataset v = TaskRegistry.load("superconductor", tmp, 0).visible();
        assertEquals(0.8, v.features(7)[SuperconductorTask.ELEMENTS.indexOf("O")], 1e-12);
    }

    @Test
    void missingColumnsAndFilesAreNamed() throws IOException {
        TaskDataException absent = assertThrows(TaskDataException.class,
                () -> TaskRegistry.load("superconductor", tmp, 0));
        assertTrue(absent.getMessage().contains(tmp.resolve(SuperconductorTask.FILE).toString()), absent.getMessage());
        List<String> c = uciColumns();
        c.remove("Rn");
        c.remove("critical_temp");
        Path file = write(c, 5);
        TaskDataException e = assertThrows(TaskDataException.class, () -> TaskRegistry.load("superconductor", tmp, 0));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("[Rn, critical_temp]"),
                e.getMessage());
    }
}
