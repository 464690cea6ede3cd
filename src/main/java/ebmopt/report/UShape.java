package ebmopt.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether an error curve over a setting (the N2CE error over the noise magnitude M) is
 * U-shaped. The rule: the smallest mean lies at an interior point of the grid, and the means at
 * both ends of the grid exceed it by more than the tolerance of {@link Verdict} between the two
 * points (max(2 SE, 0.01) from both points' spreads). A minimum at an end of the grid, or an
 * end within the spread of the minimum, is not a U.
 */
public final class UShape {
    /** The rule in one sentence. */
    public static final String RULE = "Rule: a U when the smallest error lies at an interior point of the grid and "
            + "the errors at both ends exceed it by more than the tolerance between the two (max(2 SE, 0.01)).";

    private UShape() {
    }

    /**
     * One point of the curve.
     *
     * @param x      the setting, e.g. M
     * @param sample the mean with its spread
     */
    public record Point(double x, Verdict.Sample sample) {
    }

    /**
     * The verdict on a curve.
     *
     * @param uShaped whether the rule holds
     * @param reason  why, in one clause ("" when the curve has fewer than three points)
     */
    public record Result(boolean uShaped, String reason) {
    }

    /** The rule on {@code points} (any order; sorted by x here). */
    public static Result of(List<Point> points, String symbol) {
        if (points.size() < 3) {
            return new Result(false, "");
        }
        List<Point> curve = points.stream().sorted(Comparator.comparingDouble(Point::x)).toList();
        Point min = curve.stream().min(Comparator.comparingDouble(p -> p.sample().mean())).orElseThrow();
        Point first = curve.get(0);
        Point last = curve.get(curve.size() - 1);
        if (min == first || min == last) {
            return new Result(false, "smallest at the " + (min == first ? "start" : "end") + " of the grid, "
                    + at(min, symbol) + ", so the grid shows no " + (min == first ? "fall to" : "rise past")
                    + " a minimum");
        }
        Rise left = Rise.of(first, min);
        Rise right = Rise.of(last, min);
        String minimum = "smallest at " + at(min, symbol);
        if (left.rises() && right.rises()) {
            return new Result(true, minimum + "; both ends lie above it by more than the spread ("
                    + label(first, symbol) + ": " + left.text() + "; " + label(last, symbol) + ": " + right.text()
                    + ")");
        }
        Rise within = left.rises() ? right : left;
        return new Result(false, minimum + ", but " + label(left.rises() ? last : first, symbol)
                + " is within the spread of it (" + within.text() + ")");
    }

    /**
     * "U shape in M: yes (N2CE error smallest at ...); the paper's at the same M: yes (...). Rule: ..."
     * for ours and the paper's points at the same settings; "" with fewer than three of ours.
     */
    public static String sentence(String what, String symbol, List<Point> ours, List<Point> paper) {
        Result mine = of(ours, symbol);
        if (mine.reason().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("U shape in ").append(symbol).append(": ").append(mine.uShaped() ? "yes"
                : "no").append(" (").append(what).append(' ').append(mine.reason()).append(')');
        Result theirs = of(paper, symbol);
        if (!theirs.reason().isEmpty()) {
            s.append("; the paper's at the same ").append(symbol).append(": ").append(theirs.uShaped() ? "yes" : "no")
                    .append(" (").append(theirs.reason()).append(')');
        }
        return s.append(". ").append(RULE).toString();
    }

    /** How far an end of the curve lies above its minimum, against the tolerance of the two. */
    private record Rise(boolean rises, String text) {
        static Rise of(Point end, Point min) {
            Verdict.Tolerance t = Verdict.tolerance(end.sample(), min.sample());
            double d = end.sample().mean() - min.sample().mean();
            boolean rises = d > 0 && !t.contains(d);
            return new Rise(rises, String.format(Locale.ROOT, "%+.3f %s tolerance %s", d, rises ? ">" : "<=",
                    Verdict.format(t.halfWidth())));
        }
    }

    private static String at(Point p, String symbol) {
        return label(p, symbol) + String.format(Locale.ROOT, " (%.3f)", p.sample().mean());
    }

    private static String label(Point p, String symbol) {
        return symbol + " = " + NumberText.of(p.x());
    }
}
