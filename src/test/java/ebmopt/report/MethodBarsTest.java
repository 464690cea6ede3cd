package ebmopt.report;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table 8's picture: one chart of the methods per task that has ours, the chance row beside
 * them and rows on another scale left out; and bar charts whose legend or labels would not fit
 * in one row grow to hold them.
 */
class MethodBarsTest {
    private static final DesignBenchTable TABLE8 = new DesignBenchTable("table8", "Table 8", "table8", m -> true,
            DesignBenchTable.Figure.METHOD_BARS, List.of());

    private static Cell cell(String row, String task, int order, Double ours, Double paper) {
        return new Cell("table8", row, task, order, ours, ours == null ? null : 0.02, ours == null ? 0 : 5, 0,
                paper, paper == null ? null : 0.01, true, "", "");
    }

    private final List<Cell> cells = List.of(
            cell("NCE-LEBM (M=1,K=6,SVGD)", "tf_bind_8", 0, 0.95, 0.961),
            cell("NCE-LEBM (M=1,K=6,SVGD)", "tf_bind_10", 0, null, 0.655),
            cell("N2CE-LEBM (M=100,K=6,SVGD)", "tf_bind_8", 1, 0.92, 0.990),
            cell("N2CE-LEBM (M=100,K=6,SVGD)", "tf_bind_10", 1, null, 0.803),
            cell("N2CE-LEBM (M=100,K=6,SVGD)", "mean_score", 1, null, 0.827),
            cell("Chance: Q uniform designs (ours, no model)", "tf_bind_8", 2, 0.964, null),
            cell("N2CE-LEBM (M=100,K=6,SVGD) on the visible-data scale", "tf_bind_8", 3, 2.1, null));

    @Test
    void oneChartPerTaskWithOursHoldingThePapersMethodsAndChance() throws IOException {
        List<Plot> plots = TABLE8.plots(null, cells);
        assertEquals(List.of("table8-tf_bind_8-method-bars.png"), plots.stream().map(Plot::fileName).toList());
        assertEquals(List.of("NCE-LEBM (M=1,K=6,SVGD)", "N2CE-LEBM (M=100,K=6,SVGD)",
                        "Chance: Q uniform designs (ours, no model)"),
                DesignBenchTable.methodBarCells(cells, "tf_bind_8").stream().map(Cell::row).toList());
        assertTrue(image(plots.get(0).png()).getWidth() > 0);
    }

    @Test
    void aLegendOrAxisTooWideForOneRowMakesTheChartTaller() throws IOException {
        List<String> tasks = List.of("a", "b");
        List<Double> values = List.of(0.5, 0.6);
        int plain = image(Charts.bars("t", "x", "y", tasks, List.of(new Charts.Bars("paper", values, null),
                new Charts.Bars("ours", values, null)))).getHeight();
        String longName = "ours: N2CE-LEBM (M=100,K=6,SVGD) on a long legend entry";
        int stacked = image(Charts.bars("t", "x", "y", tasks, List.of(new Charts.Bars(longName + " 1", values, null),
                new Charts.Bars(longName + " 2", values, null)))).getHeight();
        List<String> longTasks = List.of("N2CE-LEBM (M=100,K=6,SVGD)", "NCE-LEBM (M=1,K=6,SVGD)",
                "MLE-LEBM (SVGD)", "N2CE-LEBM (M=100,K=1,SVGD)", "chance (Q uniform designs)");
        List<Double> five = List.of(0.5, 0.6, 0.7, 0.8, 0.9);
        int slanted = image(Charts.bars("t", "x", "y", longTasks, List.of(new Charts.Bars("paper", five, null),
                new Charts.Bars("ours", five, null)))).getHeight();
        assertTrue(stacked > plain, stacked + " vs " + plain);
        assertTrue(slanted > plain, slanted + " vs " + plain);
    }

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
