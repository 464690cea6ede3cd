package ebmopt.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The U-shape rule on curves that are and are not U-shaped, and the sentence the Gaussian table prints. */
class UShapeTest {

    private static UShape.Point p(double m, double mean, double std, long runs) {
        return new UShape.Point(m, new Verdict.Sample(mean, std, runs));
    }

    @Test
    void aMinimumInsideWithBothEndsClearlyAboveIsAU() {
        // The quickstart's curve (10 runs each): M = 1000 lies only 7% above the minimum, which the old
        // 10% rule called "no", but 0.030 is more than twice its standard error of 0.0068.
        UShape.Result r = UShape.of(List.of(p(1, 0.680, 0.004, 10), p(10, 0.489, 0.003, 10),
                p(100, 0.454, 0.004, 10), p(1000, 0.484, 0.021, 10)), "M");
        assertTrue(r.uShaped(), r.reason());
        assertTrue(r.reason().startsWith("smallest at M = 100 (0.454); both ends lie above it"), r.reason());
    }

    @Test
    void aMinimumAtAnEndOfTheGridIsNotAU() {
        UShape.Result falling = UShape.of(List.of(p(1, 0.68, 0.004, 10), p(10, 0.49, 0.003, 10),
                p(100, 0.45, 0.004, 10)), "M");
        assertFalse(falling.uShaped());
        assertEquals("smallest at the end of the grid, M = 100 (0.450), so the grid shows no rise past a minimum",
                falling.reason());
        UShape.Result rising = UShape.of(List.of(p(1, 0.40, 0.004, 10), p(10, 0.49, 0.003, 10),
                p(100, 0.55, 0.004, 10)), "M");
        assertFalse(rising.uShaped());
        assertTrue(rising.reason().startsWith("smallest at the start of the grid, M = 1"), rising.reason());
    }

    @Test
    void anEndWithinTheSpreadOfTheMinimumIsNotAU() {
        // M = 1000 is 0.010 above the minimum, inside 2 SE = 2 sqrt(0.03^2/5 + 0.004^2/10) = 0.027
        UShape.Result r = UShape.of(List.of(p(1, 0.68, 0.004, 10), p(100, 0.454, 0.004, 10),
                p(1000, 0.464, 0.03, 5)), "M");
        assertFalse(r.uShaped());
        assertTrue(r.reason().contains("but M = 1000 is within the spread of it (+0.010 <= tolerance 0.027)"),
                r.reason());
        // ... and a flat curve, both ends within the absolute floor of the minimum
        assertFalse(UShape.of(List.of(p(1, 0.455, 0.0, 10), p(10, 0.452, 0.0, 10), p(100, 0.456, 0.0, 10)), "M")
                .uShaped());
    }

    @Test
    void fewerThanThreePointsSayNothing() {
        assertEquals("", UShape.of(List.of(p(1, 0.68, 0.004, 10), p(10, 0.49, 0.003, 10)), "M").reason());
        assertEquals("", UShape.sentence("error", "M", List.of(p(1, 0.68, 0.004, 10)), List.of()));
    }

    @Test
    void theGaussianTableNamesItsVerdictAndWhyWithoutContradiction() {
        List<GaussianTables.Line> lines = List.of(line(1, 0.680, 0.004, 0.678, 0.004), line(10, 0.489, 0.003, 0.489,
                0.004), line(100, 0.454, 0.004, 0.453, 0.007), line(1000, 0.484, 0.021, 0.489, 0.020));
        String s = GaussianMarkdown.uShape(lines);
        assertTrue(s.startsWith("U shape in M: yes (N2CE error smallest at M = 100 (0.454); both ends lie above it"),
                s);
        assertTrue(s.contains("the paper's at the same M: yes (smallest at M = 100 (0.453)"), s);
        assertTrue(s.contains(UShape.RULE), s);
        String markdown = GaussianMarkdown.render(lines);
        assertTrue(markdown.contains("| reproduced |") && !markdown.contains("| off "), markdown);
    }

    private static GaussianTables.Line line(double m, double mean, double std, double paperMean, double paperStd) {
        return new GaussianTables.Line("table14", "n2ce", m, 500, 5, 0.2, 150, "every-iteration", 10, 0, 0, mean, std,
                0.1, paperMean, paperStd);
    }
}
