package ebmopt.report;

import java.util.Locale;

/** How cell values read in the HTML and Markdown reports. */
final class CellText {
    private CellText() {
    }

    static String meanStd(Double mean, Double std) {
        return MarkdownTable.meanStd(mean, std);
    }

    static String ours(Cell c) {
        return c.oursMean() == null ? "-" : meanStd(c.oursMean(), c.oursStd());
    }

    static String paper(Cell c) {
        return c.paperMean() == null ? "-" : meanStd(c.paperMean(), c.paperStd());
    }

    /** "5 runs", "1 run", "4 runs, +1 failed/diverged". */
    static String runs(Cell c) {
        return c.runs() + (c.runs() == 1 ? " run" : " runs") + (c.failed() > 0 ? ", +" + c.failed()
                + " failed/diverged" : "");
    }

    static String z(Cell c) {
        Double z = c.z();
        return z == null ? "" : String.format(Locale.ROOT, "%+.1f", z);
    }

    static String relative(Cell c) {
        Double r = c.relativeDifference();
        return r == null ? "" : String.format(Locale.ROOT, "%+.1f%%", 100 * r);
    }

    /** "z +0.3, +1.2%", the relative difference alone, and what the verdict was based on when unusual. */
    static String difference(Cell c) {
        String z = z(c);
        String rel = relative(c);
        String text = z.isEmpty() ? rel : rel.isEmpty() ? "z " + z : "z " + z + ", " + rel;
        String note = basis(c);
        return note.isEmpty() ? text : text.isEmpty() ? note : text + "; " + note;
    }

    /** "1 run: the paper's spread only", "no paper std: within 5%", or "" (both spreads, or no comparison). */
    static String basis(Cell c) {
        Verdict.Tolerance t = c.tolerance();
        return t == null ? "" : t.basis().note();
    }
}
