package ebmopt.nightly;

import ebmopt.report.Cell;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Night-to-night and paper comparisons on hand-made cells (error cells: lower is better). */
class NightlyComparisonTest {

    private static Cell cell(String row, Double ours, long failed) {
        return new Cell("table14", row, "traj_mse", 0, ours, 0.01, 20, failed, 0.50, 0.01, false, "", "");
    }

    private static List<Finding.Kind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    @Test
    void theFirstNightFailsOnlyOnCellsWorseThanThePaper() {
        List<Finding> f = NightlyComparison.compare(List.of(cell("a", 0.51, 0), cell("b", 0.60, 0),
                cell("c", null, 0)), List.of());
        assertEquals(List.of(Finding.Kind.NEW_WORSE_THAN_PAPER), kinds(f));
        assertEquals("b", f.get(0).tonight().row());
    }

    @Test
    void aCellWorseThanThePaperTwiceIsKnownNotARegression() {
        List<Finding> f = NightlyComparison.compare(List.of(cell("b", 0.60, 0)), List.of(cell("b", 0.60, 0)));
        assertEquals(List.of(Finding.Kind.STILL_WORSE_THAN_PAPER), kinds(f));
        assertTrue(f.stream().noneMatch(x -> x.kind().regression()));
    }

    @Test
    void movesBeyondTheNightToleranceAreFlaggedByDirection() {
        // tolerance max(1 x 0.01, 5% x 0.50) = 0.025
        assertEquals(List.of(), kinds(NightlyComparison.compare(List.of(cell("a", 0.52, 0)),
                List.of(cell("a", 0.50, 0)))));
        assertEquals(List.of(Finding.Kind.WORSE_THAN_PREVIOUS), kinds(NightlyComparison.compare(
                List.of(cell("a", 0.53, 0)), List.of(cell("a", 0.50, 0)))));
        assertEquals(List.of(Finding.Kind.BETTER_THAN_PREVIOUS), kinds(NightlyComparison.compare(
                List.of(cell("a", 0.50, 0)), List.of(cell("a", 0.53, 0)))));
    }

    @Test
    void lostCellsAndMoreFailuresAreRegressions() {
        assertEquals(List.of(Finding.Kind.LOST), kinds(NightlyComparison.compare(List.of(cell("a", null, 0)),
                List.of(cell("a", 0.50, 0)))));
        assertEquals(List.of(Finding.Kind.MORE_FAILURES), kinds(NightlyComparison.compare(List.of(cell("a", 0.50, 2)),
                List.of(cell("a", 0.50, 0)))));
    }
}
