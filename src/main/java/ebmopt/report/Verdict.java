package ebmopt.report;

/**
 * How one reproduced cell compares with the paper's figure. The rule (also printed in every
 * report): with d = ours - paper, the cell is <b>reproduced</b> when
 * |d| &lt;= max(2 x paper std, 10% x |paper|) (the relative floor covers the many stds the
 * papers print as 0.000 or leave out); outside that band it is <b>better</b> or <b>worse</b>
 * according to the table's direction (a lower error, a higher score). A cell with no result
 * of ours is <b>not run</b>; one the paper has no figure for is <b>no paper figure</b>.
 */
public enum Verdict {
    REPRODUCED("reproduced"),
    BETTER("better"),
    WORSE("worse"),
    NOT_RUN("not run"),
    NO_PAPER_FIGURE("no paper figure");

    /** Multiple of the paper's std inside which a cell counts as reproduced. */
    public static final double Z_LIMIT = 2.0;
    /** Relative band (of the paper's mean) inside which a cell counts as reproduced. */
    public static final double RELATIVE_FLOOR = 0.10;
    /** The rule, in words, for reports. */
    public static final String RULE = "A cell is reproduced when |ours - paper| <= max(2 x paper std, 10% x |paper|); "
            + "outside that band it is better or worse in the table's direction (lower error, higher score). "
            + "z = (ours - paper) / paper std, the difference in units of the paper's std (blank when the paper "
            + "gives no std or 0). Not run: no result of ours yet. No paper figure: ours only.";

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The verdict of ours (mean) against the paper's mean and std; nulls for missing values. */
    public static Verdict of(Double ours, Double paper, Double paperStd, boolean higherIsBetter) {
        if (ours == null || ours.isNaN()) {
            return NOT_RUN;
        }
        if (paper == null) {
            return NO_PAPER_FIGURE;
        }
        double d = ours - paper;
        if (Math.abs(d) <= band(paper, paperStd)) {
            return REPRODUCED;
        }
        return (d > 0) == higherIsBetter ? BETTER : WORSE;
    }

    /** Half-width of the reproduced band around the paper's mean. */
    public static double band(double paper, Double paperStd) {
        return Math.max(Z_LIMIT * (paperStd == null ? 0 : paperStd), RELATIVE_FLOOR * Math.abs(paper));
    }

    /** The verdict from its label, as stored in the Parquet table. */
    public static Verdict ofLabel(String label) {
        for (Verdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + label + "'");
    }
}
