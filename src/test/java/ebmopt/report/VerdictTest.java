package ebmopt.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The verdict rule on constructed cells around its boundary: |ours - paper| &lt;=
 * max(2 SE, 0.01), SE = sqrt(s_p^2/n_p + s_o^2/n_o) with s_o at least s_p; one run of ours
 * borrows the paper's std; no paper std: 5% of the paper's mean.
 */
class VerdictTest {

    private static Verdict verdict(double ours, Double oursStd, long runs, double paper, Double paperStd,
                                   int paperRuns, boolean higherIsBetter) {
        return Verdict.of(ours, oursStd, runs, paper, paperStd, paperRuns, higherIsBetter);
    }

    @Test
    void aTfBind8ScoreOf0953IsWorseThanThePapers0990() {
        // The old rule, max(2 x 0.003, 10% x 0.990) = 0.099, called this reproduced.
        assertEquals(Verdict.WORSE, verdict(0.953, null, 1, 0.990, 0.003, 5, true));
        assertEquals(Verdict.WORSE, verdict(0.953, 0.010, 5, 0.990, 0.003, 5, true));
        assertEquals(Verdict.WORSE, verdict(0.953, 0.020, 5, 0.990, 0.003, 5, true));
    }

    @Test
    void withBothSpreadsTheBandIsTwoStandardErrorsOfTheDifference() {
        // SE = sqrt(0.02^2/5 + 0.02^2/5) = 0.012649: the band is 0.025298 wide on either side
        assertEquals(Verdict.REPRODUCED, verdict(0.525, 0.02, 5, 0.50, 0.02, 5, true));
        assertEquals(Verdict.BETTER, verdict(0.526, 0.02, 5, 0.50, 0.02, 5, true));
        assertEquals(Verdict.WORSE, verdict(0.526, 0.02, 5, 0.50, 0.02, 5, false)); // an error: higher is worse
        assertEquals(Verdict.REPRODUCED, verdict(0.475, 0.02, 5, 0.50, 0.02, 5, true));
        assertEquals(Verdict.WORSE, verdict(0.474, 0.02, 5, 0.50, 0.02, 5, true));
        Verdict.Tolerance t = Verdict.tolerance(new Verdict.Sample(0.525, 0.02, 5), new Verdict.Sample(0.5, 0.02, 5));
        assertEquals(Verdict.Basis.BOTH_SPREADS, t.basis());
        assertEquals(2 * Math.sqrt(2 * 0.0004 / 5), t.halfWidth(), 1e-12);
    }

    @Test
    void aSpreadOfOursBelowThePapersCountsAsThePapers() {
        // three runs that happen to agree closely: SE = sqrt(0.02^2/100 + 0.02^2/3) = 0.01168, not 0.0035
        assertEquals(Verdict.REPRODUCED, verdict(0.52, 0.005, 3, 0.50, 0.02, 100, true));
        assertEquals(Verdict.BETTER, verdict(0.524, 0.005, 3, 0.50, 0.02, 100, true));
        assertEquals(Verdict.tolerance(new Verdict.Sample(0.52, 0.02, 3), new Verdict.Sample(0.5, 0.02, 100)),
                Verdict.tolerance(new Verdict.Sample(0.52, 0.005, 3), new Verdict.Sample(0.5, 0.02, 100)));
    }

    @Test
    void moreSeedsOnEitherSideNarrowTheBand() {
        // Table 14's M = 100 row: 0.453 ± 0.007 over 100 runs; ours 0.470 ± 0.007 over 100 runs.
        assertEquals(Verdict.WORSE, verdict(0.470, 0.007, 100, 0.453, 0.007, 100, false));
        // The same means over 2 runs each: SE = sqrt(2 x 0.007^2 / 2) = 0.007, band 0.014 < 0.017.
        assertEquals(Verdict.WORSE, verdict(0.470, 0.007, 2, 0.453, 0.007, 2, false));
        // ... over 1 run each (an unknown paper count counts as 1): SE = 0.007 sqrt(2), band 0.0198.
        assertEquals(Verdict.REPRODUCED, verdict(0.470, null, 1, 0.453, 0.007, 0, false));
    }

    @Test
    void oneRunOfOursBorrowsThePapersSpreadAndSaysSo() {
        Verdict.Tolerance t = Verdict.tolerance(new Verdict.Sample(0.6, null, 1), new Verdict.Sample(0.5, 0.04, 5));
        assertEquals(Verdict.Basis.PAPER_SPREAD_ONLY, t.basis());
        assertEquals(0.04 * Math.sqrt(1 + 1.0 / 5), t.standardError(), 1e-12);
        assertEquals(Verdict.REPRODUCED, verdict(0.5 + 0.99 * t.halfWidth(), null, 1, 0.5, 0.04, 5, true));
        assertEquals(Verdict.BETTER, verdict(0.5 + 1.01 * t.halfWidth(), null, 1, 0.5, 0.04, 5, true));
        Cell c = new Cell("t", "r", "c", 0, 0.6, null, 1, 0, 0.5, 0.04, 5, true, "", "", RowParameters.NONE);
        assertEquals("1 run: the paper's spread only", CellText.basis(c));
    }

    @Test
    void stdsPrintedAsZeroFallBackToTheAbsoluteFloor() {
        assertEquals(Verdict.REPRODUCED, verdict(0.879, 0.0, 5, 0.870, 0.0, 5, true));
        assertEquals(Verdict.BETTER, verdict(0.881, 0.0, 5, 0.870, 0.0, 5, true));
        assertEquals(Verdict.REPRODUCED, verdict(0.861, null, 1, 0.870, 0.0, 5, true));
        assertEquals(Verdict.WORSE, verdict(0.859, null, 1, 0.870, 0.0, 5, true));
    }

    @Test
    void withoutAPaperStdARelativeToleranceOfFivePercentApplies() {
        // D(best) 0.439 has no std: the band is 5% x 0.439 = 0.02195
        assertEquals(Verdict.REPRODUCED, verdict(0.460, 0.05, 5, 0.439, null, 5, true));
        assertEquals(Verdict.BETTER, verdict(0.462, 0.05, 5, 0.439, null, 5, true));
        assertEquals(Verdict.WORSE, verdict(0.416, null, 1, 0.439, null, 5, true));
        Cell c = new Cell("t", "r", "c", 0, 0.46, 0.05, 5, 0, 0.439, null, 5, true, "", "", RowParameters.NONE);
        assertNull(c.z(), "no standard error without the paper's std");
        assertEquals("no paper std: within 5%", CellText.basis(c));
    }

    @Test
    void notRunAndNoPaperFigure() {
        assertEquals(Verdict.NOT_RUN, Verdict.of(null, null, 0, 0.5, 0.1, 5, true));
        assertEquals(Verdict.NOT_RUN, Verdict.of(Double.NaN, null, 0, 0.5, 0.1, 5, true));
        assertEquals(Verdict.NO_PAPER_FIGURE, Verdict.of(0.5, 0.1, 3, null, null, 0, true));
    }

    @Test
    void zIsTheDifferenceInStandardErrors() {
        Cell c = new Cell("t", "r", "c", 0, 0.49, 0.02, 4, 0, 0.45, 0.02, 4, false, "", "", RowParameters.NONE);
        // SE = sqrt(0.0004/4 + 0.0004/4) = 0.014142
        assertEquals(0.04 / Math.sqrt(0.0002), c.z(), 1e-9);
        assertEquals(Verdict.WORSE, c.verdict()); // z = 2.83 > 2
        assertEquals("+2.8", CellText.z(c));
    }
}
