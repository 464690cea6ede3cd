package ebmopt.report;

import java.util.Locale;

/**
 * How one reproduced cell compares with the paper's figure, and the one rule every table, the
 * tables command and the nightly decide by.
 *
 * <p>The rule is a difference test on the two means. With d = ours - paper and
 * <pre>
 *   SE = sqrt(s_p^2 / n_p + s_o^2 / n_o)
 * </pre>
 * (s_p the paper's std over its n_p seeds, s_o ours over our n_o finished runs, taken as at
 * least s_p), a cell is <b>reproduced</b> when |d| &lt;= max({@value #K} x SE, {@value #FLOOR});
 * outside that band it is <b>better</b> or <b>worse</b> according to the table's direction (a
 * lower error, a higher score). Why this rule:
 * <ul>
 * <li>It is the usual two-sample test at about 95% (two-sided): a difference the seeds of both
 *     sides explain is not called a failure, and one they cannot explain is. A fixed relative
 *     band cannot do that: the old max(2 x paper std, 10% x |paper|) called a TF-Bind-8 p100 of
 *     0.953 "reproduced" against the paper's 0.990 ± 0.003, although every method of that table
 *     lies within 10% of another; here it is 8 to 11 standard errors away.</li>
 * <li>The paper's std enters as a standard error (divided by its seed count): a paper mean over
 *     100 runs (the Gaussian tables) is pinned down ten times better than one run of it.</li>
 * <li>Our std counts as at least the paper's: two or three seeds (the nightly's scale) often
 *     underestimate a spread, and a reproduction is expected to vary as much as the original.
 *     One run of ours has no std at all: the paper's then stands in (n_o = 1, so
 *     SE = s_p sqrt(1 + 1/n_p)), and the report says so beside the cell
 *     ({@link Basis#PAPER_SPREAD_ONLY}).</li>
 * <li>The absolute floor {@value #FLOOR} is the least difference that matters: it covers stds
 *     the papers print as 0.000 and results that are deterministic, and keeps differences of
 *     under a hundredth of a normalised score (or of a Gaussian table's error, about 1-2% of its
 *     values) from counting as a failure on their own.</li>
 * <li>Where the paper gives no std (e.g. D(best), the across-task means) there is nothing to
 *     test against: then, and only then, a relative tolerance of {@value #RELATIVE} x |paper|
 *     applies ({@link Basis#RELATIVE}).</li>
 * </ul>
 * A paper seed count that is not known (0, e.g. cells read back from a report written before
 * the count was kept) is taken as 1: the paper's std then counts in full, the lenient side.
 * A cell with no result of ours is <b>not run</b>; one the paper has no figure for is <b>no
 * paper figure</b>. The same test compares any two means with their spreads: a night with the
 * previous night (the nightly) and the ends of a curve with its minimum ({@link UShape}).
 */
public enum Verdict {
    REPRODUCED("reproduced"),
    BETTER("better"),
    WORSE("worse"),
    NOT_RUN("not run"),
    NO_PAPER_FIGURE("no paper figure");

    /** Standard errors inside which two means count as the same. */
    public static final double K = 2.0;
    /** Absolute tolerance below which no difference counts. */
    public static final double FLOOR = 0.01;
    /** Relative tolerance, used only where the reference (the paper) gives no std. */
    public static final double RELATIVE = 0.05;
    /** The rule, in one sentence, for reports. */
    public static final String RULE = "A cell is reproduced when |ours - paper| <= max(2 SE, 0.01), with "
            + "SE = sqrt(s_p^2/n_p + s_o^2/n_o) from the paper's std over its n_p seeds and ours over our n_o runs "
            + "(ours taken as at least the paper's, which also stands in for one run of ours; no std in the paper: "
            + "within 5% of its mean), and otherwise better or worse in the table's direction (lower error, higher "
            + "score).";
    /** What the z column means. */
    public static final String Z_MEANING = "z = (ours - paper) / SE, the difference in standard errors "
            + "(|z| > 2: not reproduced; blank where the paper gives no std).";

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * A mean with its spread.
     *
     * @param mean the mean
     * @param std  the sample std over its runs; null when unknown (one run, or none given)
     * @param runs how many runs the mean is over; 0 when unknown
     */
    public record Sample(double mean, Double std, long runs) {
        boolean hasSpread() {
            return std != null && !std.isNaN() && runs != 1;
        }

        /** std^2 / n, with an unknown count taken as 1. */
        double varianceOfMean() {
            return std * std / Math.max(1, runs);
        }
    }

    /** What the tolerance of a comparison was based on. */
    public enum Basis {
        /** Both spreads: the usual case. */
        BOTH_SPREADS(""),
        /** One run of ours: the reference's spread stands in for ours. */
        PAPER_SPREAD_ONLY("1 run: the paper's spread only"),
        /** The reference gives no std: the relative tolerance. */
        RELATIVE("no paper std: within 5%");

        private final String note;

        Basis(String note) {
            this.note = note;
        }

        /** A few words for the report beside the cell; "" for the usual case. */
        public String note() {
            return note;
        }
    }

    /**
     * The band around the reference inside which a value counts as the same.
     *
     * @param halfWidth      |difference| up to this counts as no difference
     * @param standardError  SE, or null where the relative tolerance applies
     * @param basis          what the band was based on
     */
    public record Tolerance(double halfWidth, Double standardError, Basis basis) {
        /** Whether {@code difference} is inside the band. */
        public boolean contains(double difference) {
            return Math.abs(difference) <= halfWidth;
        }

        /** difference / SE; null without an SE or for SE 0. */
        public Double z(double difference) {
            return standardError == null || standardError <= 0 ? null : difference / standardError;
        }
    }

    /**
     * The tolerance of comparing {@code sample} with {@code reference}: max(K x SE, FLOOR), SE
     * from both spreads, the sample's std taken as at least the reference's (a sample without one
     * borrows the reference's, as one run); the relative tolerance where the reference has no std.
     */
    public static Tolerance tolerance(Sample sample, Sample reference) {
        if (reference.std() == null || reference.std().isNaN()) {
            return new Tolerance(Math.max(RELATIVE * Math.abs(reference.mean()), FLOOR), null, Basis.RELATIVE);
        }
        boolean spread = sample.hasSpread();
        double std = spread ? Math.max(sample.std(), reference.std()) : reference.std();
        double se = Math.sqrt(reference.varianceOfMean() + std * std / (spread ? Math.max(1, sample.runs()) : 1));
        return new Tolerance(Math.max(K * se, FLOOR), se, spread ? Basis.BOTH_SPREADS : Basis.PAPER_SPREAD_ONLY);
    }

    /** The verdict of ours against the paper; nulls for missing values. */
    public static Verdict of(Sample ours, Sample paper, boolean higherIsBetter) {
        if (ours == null || Double.isNaN(ours.mean())) {
            return NOT_RUN;
        }
        if (paper == null) {
            return NO_PAPER_FIGURE;
        }
        double d = ours.mean() - paper.mean();
        if (tolerance(ours, paper).contains(d)) {
            return REPRODUCED;
        }
        return (d > 0) == higherIsBetter ? BETTER : WORSE;
    }

    /** The verdict from nullable figures: ours over {@code runs}, the paper's over {@code paperRuns}. */
    public static Verdict of(Double ours, Double oursStd, long runs, Double paper, Double paperStd, long paperRuns,
                             boolean higherIsBetter) {
        return of(ours == null ? null : new Sample(ours, oursStd, runs),
                paper == null ? null : new Sample(paper, paperStd, paperRuns), higherIsBetter);
    }

    /** "0.012" style: a tolerance in the report's three decimals (more for tiny ones). */
    public static String format(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 0.001 || value == 0 ? "%.3f" : "%.1e", value);
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
