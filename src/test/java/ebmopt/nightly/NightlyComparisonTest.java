package ebmopt.nightly;

import ebmopt.report.Cell;
import ebmopt.report.RowParameters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Night-to-night and paper comparisons on hand-made cells (error cells: lower is better), both by
 * the report's rule: with stds 0.01 over 20 runs on either side, 2 SE = 2 sqrt(2 x 0.01^2 / 20) = 0.0063,
 * below the floor 0.01: the tolerance is 0.01.
 */
class NightlyComparisonTest {

    private static Cell cell(String row, Double ours, long failed) {
        return new Cell("table14", row, "traj_mse", 0, ours, 0.01, 20, failed, 0.50, 0.01, 20, false, "", "",
                RowParameters.NONE);
    }

    private static List<Finding.Kind> kinds(List<Finding> findings) {
        return findings.stream().map(Finding::kind).toList();
    }

    @Test
    void theFirstNightFailsOnlyOnCellsWorseThanThePaper() {
        List<Finding> f = NightlyComparison.compare(List.of(cell("a", 0.505, 0), cell("b", 0.60, 0),
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
        assertEquals(0.01, NightlyComparison.tolerance(cell("a", 0.49, 0), cell("a", 0.49, 0)), 1e-12);
        // every tonight's value below is within the paper's band (|d| <= 0.01 of 0.50)
        assertEquals(List.of(), kinds(NightlyComparison.compare(List.of(cell("a", 0.499, 0)),
                List.of(cell("a", 0.49, 0)))));
        assertEquals(List.of(Finding.Kind.WORSE_THAN_PREVIOUS), kinds(NightlyComparison.compare(
                List.of(cell("a", 0.501, 0)), List.of(cell("a", 0.49, 0)))));
        assertEquals(List.of(Finding.Kind.BETTER_THAN_PREVIOUS), kinds(NightlyComparison.compare(
                List.of(cell("a", 0.495, 0)), List.of(cell("a", 0.506, 0)))));
    }

    @Test
    void lostCellsAndMoreFailuresAreRegressions() {
        assertEquals(List.of(Finding.Kind.LOST), kinds(NightlyComparison.compare(List.of(cell("a", null, 0)),
                List.of(cell("a", 0.50, 0)))));
        assertEquals(List.of(Finding.Kind.MORE_FAILURES), kinds(NightlyComparison.compare(List.of(cell("a", 0.50, 2)),
                List.of(cell("a", 0.50, 0)))));
    }
}
