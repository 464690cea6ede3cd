package ebmopt.nightly;

import ebmopt.report.Cell;
import ebmopt.report.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares tonight's cells with the paper and with the previous night's, both by the report's
 * one rule ({@link Verdict}):
 * <ul>
 * <li>against the paper: the cell's verdict;</li>
 * <li>against the previous night: the same difference test between the two nights' means,
 *     |tonight - previous| &gt; max(2 SE, 0.01) with SE from both nights' stds over their runs
 *     (the previous night without a std: 5% of its mean). Seeds derive from trial identities, so
 *     the same code gives the same numbers; a move beyond the spread of the seeds is a code (or
 *     dependency) change, not chance.</li>
 * </ul>
 * A regression: a cell newly worse than the paper, worse than the previous night, with more
 * failed runs, or lost (ran the previous night, not tonight).
 */
public final class NightlyComparison {
    public static final String RULE = "Against the paper: " + Verdict.RULE + " Against the previous night, by the "
            + "same test between the two nights' means and spreads: a regression when a cell moves in its worse "
            + "direction by more than max(2 SE, 0.01), when it has more failed or diverged runs, or when it ran the "
            + "previous night and has no result tonight. A cell worse than the paper fails the night only the first "
            + "time (then it is listed as known).";

    private NightlyComparison() {
    }

    /** Every finding; {@code previous} is empty when there was no previous night. */
    public static List<Finding> compare(List<Cell> tonight, List<Cell> previous) {
        Map<String, Cell> before = new HashMap<>();
        previous.forEach(c -> before.put(c.key(), c));
        List<Finding> findings = new ArrayList<>();
        for (Cell now : tonight) {
            Cell prev = before.get(now.key());
            boolean ranBefore = prev != null && prev.oursMean() != null;
            if (now.oursMean() == null) {
                if (ranBefore) {
                    findings.add(new Finding(Finding.Kind.LOST, now, prev));
                }
                continue;
            }
            if (now.verdict() == Verdict.WORSE) {
                boolean known = ranBefore && prev.verdict() == Verdict.WORSE;
                findings.add(new Finding(known ? Finding.Kind.STILL_WORSE_THAN_PAPER
                        : Finding.Kind.NEW_WORSE_THAN_PAPER, now, prev));
            }
            if (ranBefore) {
                double move = now.oursMean() - prev.oursMean();
                double worse = now.higherIsBetter() ? -move : move;
                if (Math.abs(move) > tolerance(now, prev)) {
                    findings.add(new Finding(worse > 0 ? Finding.Kind.WORSE_THAN_PREVIOUS
                            : Finding.Kind.BETTER_THAN_PREVIOUS, now, prev));
                }
                if (now.failed() > prev.failed()) {
                    findings.add(new Finding(Finding.Kind.MORE_FAILURES, now, prev));
                }
            }
        }
        return findings;
    }

    /** The night-to-night tolerance of a cell that ran both nights ({@link Verdict#tolerance}). */
    public static double tolerance(Cell now, Cell prev) {
        return Verdict.tolerance(now.ours(), prev.ours()).halfWidth();
    }

    /** One line about a finding, for the summary. */
    public static String describe(Finding f, String previousNight) {
        Cell c = f.tonight();
        String paper = c.paperMean() == null ? "no paper figure"
                : "paper " + num(c.paperMean()) + (c.paperStd() == null ? "" : " ± " + num(c.paperStd()));
        String ours = c.oursMean() == null ? "not run" : num(c.oursMean());
        String prev = f.previous() == null || f.previous().oursMean() == null ? "-" : num(f.previous().oursMean());
        String what = switch (f.kind()) {
            case NEW_WORSE_THAN_PAPER -> "worse than the paper" + (c.z() == null ? "" : String.format(Locale.ROOT,
                    " (z %+.1f)", c.z()));
            case STILL_WORSE_THAN_PAPER -> "still worse than the paper (known)";
            case WORSE_THAN_PREVIOUS -> "worse than " + previousNight + " (" + prev + ", tolerance "
                    + num(tolerance(c, f.previous())) + ")";
            case BETTER_THAN_PREVIOUS -> "better than " + previousNight + " (" + prev + ")";
            case LOST -> "no result tonight (" + previousNight + ": " + prev + ")";
            case MORE_FAILURES -> c.failed() + " failed/diverged runs (" + previousNight + ": "
                    + f.previous().failed() + ")";
        };
        return c.key() + ": ours " + ours + ", " + paper + ": " + what;
    }

    /** One line about a cell and all its findings: ours, the paper's, the previous night's, what happened. */
    public static String describeCell(List<Finding> findings, String previousNight) {
        Finding first = findings.get(0);
        Cell c = first.tonight();
        StringBuilder s = new StringBuilder(c.key()).append(": ")
                .append(c.oursMean() == null ? "not run" : num(c.oursMean()));
        if (c.paperMean() != null) {
            s.append(" vs paper ").append(num(c.paperMean())).append(c.paperStd() == null ? "" : " ± " + num(c.paperStd()));
            if (c.z() != null) {
                s.append(String.format(Locale.ROOT, " (z %+.1f)", c.z()));
            }
        }
        if (first.previous() != null && first.previous().oursMean() != null) {
            s.append(", ").append(previousNight).append(": ").append(num(first.previous().oursMean()));
        }
        s.append(" -> ");
        List<String> what = new ArrayList<>();
        for (Finding f : findings) {
            what.add(switch (f.kind()) {
                case NEW_WORSE_THAN_PAPER -> "worse than the paper";
                case STILL_WORSE_THAN_PAPER -> "still worse than the paper (known)";
                case WORSE_THAN_PREVIOUS -> "worse than " + previousNight + " (tolerance "
                        + num(tolerance(c, f.previous())) + ")";
                case BETTER_THAN_PREVIOUS -> "better than " + previousNight;
                case LOST -> "no result tonight";
                case MORE_FAILURES -> c.failed() + " failed/diverged runs (" + previousNight + ": "
                        + f.previous().failed() + ")";
            });
        }
        return s.append(String.join("; ", what)).toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
