package ebmopt.report;

import ebmopt.config.ConfigLayers;
import ebmopt.config.LoadRequest;
import ebmopt.config.Settings;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.testing.TestSweeps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The papers' tables ship inside the project: a report finds them with no reference folder at
 * all, a folder that lacks them falls back to them, one that holds a table replaces it, and the
 * bundled figures are those of the team's reference folder where both exist.
 */
class PaperFiguresTest {
    private static final List<String> FILES = List.of(DesignBenchTable.PAPER_FILE, GaussianTables.PAPER_FILE);
    private static final Pattern TABLE_ID = Pattern.compile("table(\\d+)");

    @TempDir
    Path dir;

    private static Settings settings(String... overrides) {
        return Settings.withoutJob(ConfigLayers.load(new LoadRequest(TestSweeps.PROFILE, null, null,
                List.of(overrides)), ExperimentRegistry::defaults).config());
    }

    @Test
    void theBundledTablesLoadWithoutAReferenceFolderEachRowNamingItsPaperAndTable() {
        PaperFigures bundled = PaperFigures.fromSetting("");
        for (String file : FILES) {
            List<Map<String, String>> rows = bundled.read(file, List.of("table", "source"));
            assertFalse(rows.isEmpty(), file);
            for (Map<String, String> row : rows) {
                Matcher table = TABLE_ID.matcher(row.get("table"));
                assertTrue(table.matches(), row.toString());
                assertEquals("N2CE paper (Yu et al. arXiv:2405.16730 v2) Table " + table.group(1), row.get("source"));
            }
        }
        assertEquals(466, bundled.read(DesignBenchTable.PAPER_FILE, List.of()).size());
        assertEquals(9, bundled.read(GaussianTables.PAPER_FILE, List.of()).size());
    }

    @Test
    void reportsCompareWithThePaperWhenReferenceDirIsEmptyOrLacksTheTables() {
        assertEquals("", settings().referenceDir(), "the shipped default of reference.dir");
        Path empty = dir.resolve("no-tables");
        for (String setting : List.of("", empty.toString())) {
            ReportContext context = new ReportContext(TestSweeps.spark(), dir.resolve("no-results").toString(),
                    PaperFigures.fromSetting(setting));
            List<Cell> table7 = new ArrayList<>();
            for (ReproducedTable t : ReproducedTables.all()) {
                if (t.id().equals("table7")) {
                    table7.addAll(t.cells(context));
                }
            }
            Cell n2ce = table7.stream().filter(c -> c.row().equals("N2CE-LEBM (M=100,K=6,SVGD)")
                    && c.column().equals("tf_bind_8")).findFirst().orElseThrow(() -> new AssertionError(
                    "no paper cell for N2CE-LEBM on TF-Bind-8 with reference.dir = '" + setting + "'"));
            assertEquals(0.99, n2ce.paperMean());
            assertEquals(0.003, n2ce.paperStd());
            assertEquals(86, table7.size(), setting);
        }
    }

    @Test
    void aReferenceDirHoldingATableReplacesTheBundledOne() throws IOException {
        Files.writeString(dir.resolve(GaussianTables.PAPER_FILE),
                "table,objective,M,n,mean_traj_mse,std_traj_mse\ntable14,N2CE,10.0,500,0.5,0.01\n");
        Settings settings = settings("reference.dir=\"" + dir + "\"");
        PaperFigures figures = PaperFigures.fromSetting(settings.referenceDir());
        List<Map<String, String>> gaussian = figures.read(GaussianTables.PAPER_FILE, List.of("mean_traj_mse"));
        assertEquals(List.of("0.5"), gaussian.stream().map(r -> r.get("mean_traj_mse")).toList());
        assertEquals(466, figures.read(DesignBenchTable.PAPER_FILE, List.of()).size(), "not in the folder: bundled");
    }

    @Test
    void theBundledFiguresEqualTheReferenceFolders() {
        Path shared = Path.of(System.getProperty("ebmopt.shared.dir", "../shared"), "reference");
        assumeTrue(Files.isDirectory(shared), "no reference folder at " + shared.toAbsolutePath()
                + ": nothing to compare the bundled tables with");
        PaperFigures bundled = PaperFigures.bundled();
        int compared = 0;
        for (String file : FILES) {
            if (!Files.isRegularFile(shared.resolve(file))) {
                continue;
            }
            List<Map<String, String>> theirs = ReferenceCsv.read(shared.resolve(file), List.of());
            List<Map<String, String>> ours = bundled.read(file, List.of());
            assertEquals(theirs.size(), ours.size(), file);
            for (int i = 0; i < theirs.size(); i++) {
                for (Map.Entry<String, String> cell : theirs.get(i).entrySet()) {
                    assertEquals(cell.getValue(), ours.get(i).get(cell.getKey()),
                            file + " row " + (i + 1) + " column " + cell.getKey());
                }
            }
            compared++;
        }
        assumeTrue(compared > 0, "the reference folder " + shared.toAbsolutePath() + " holds none of " + FILES);
    }
}
