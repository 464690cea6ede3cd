package ebmopt.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The verdict rule: |ours - paper| <= max(2 x paper std, 10% x |paper|), then the table's direction. */
class VerdictTest {

    @Test
    void withinTwoPaperStdsIsReproduced() {
        assertEquals(Verdict.REPRODUCED, Verdict.of(0.50, 0.40, 0.06, true)); // 0.10 <= 0.12
        assertEquals(Verdict.BETTER, Verdict.of(0.53, 0.40, 0.06, true)); // 0.13 > 0.12, higher is better
        assertEquals(Verdict.WORSE, Verdict.of(0.53, 0.40, 0.06, false)); // an error: higher is worse
    }

    @Test
    void aTinyOrMissingStdFallsBackToTenPercent() {
        assertEquals(Verdict.REPRODUCED, Verdict.of(0.695, 0.633, 0.0, true)); // 9.8%
        assertEquals(Verdict.BETTER, Verdict.of(0.70, 0.633, 0.0, true)); // 10.6%
        assertEquals(Verdict.WORSE, Verdict.of(0.56, 0.633, null, true));
    }

    @Test
    void notRunAndNoPaperFigure() {
        assertEquals(Verdict.NOT_RUN, Verdict.of(null, 0.5, 0.1, true));
        assertEquals(Verdict.NOT_RUN, Verdict.of(Double.NaN, 0.5, 0.1, true));
        assertEquals(Verdict.NO_PAPER_FIGURE, Verdict.of(0.5, null, null, true));
    }

    @Test
    void zIsInUnitsOfThePaperStd() {
        Cell c = new Cell("t", "r", "c", 0, 0.49, 0.01, 10, 0, 0.45, 0.02, false, "", "");
        assertEquals(2.0, c.z(), 1e-9);
        assertEquals(Verdict.REPRODUCED, c.verdict()); // 0.04 <= max(0.04, 0.045)
        assertNull(new Cell("t", "r", "c", 0, 0.49, 0.01, 10, 0, 0.45, 0.0, false, "", "").z());
    }
}
