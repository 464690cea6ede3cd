package ebmopt.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numeric settings a table row stands for, typed, so that tables filter and plot rows by
 * them rather than by their printed labels. Any of them may be null (not a setting of that
 * table's rows).
 *
 * @param method         the objective or method family ("n2ce", "nwj", a paper method's name)
 * @param noiseMagnitude M
 * @param stages         K
 * @param queryBudget    Q
 * @param task           the task the column or row is about
 */
public record RowParameters(String method, Double noiseMagnitude, Integer stages, Integer queryBudget, String task) {
    /** No typed settings. */
    public static final RowParameters NONE = new RowParameters(null, null, null, null, null);
    private static final Pattern M = Pattern.compile("M=(\\d+(?:\\.\\d+)?)");
    private static final Pattern K = Pattern.compile("K=(\\d+)");

    /**
     * The settings of a row of the N2CE paper's design-bench tables. The paper's tables (and
     * src/main/resources/ebmopt/paper/design_bench_tables.csv) name M and K only inside the method's label, e.g.
     * "N2CE-LEBM (M=100,K=6,SVGD)": this is the one place that label is read.
     */
    public static RowParameters ofPaperMethod(String method, String task, String queryBudget) {
        Matcher m = M.matcher(method);
        Matcher k = K.matcher(method);
        return new RowParameters(method, m.find() ? Double.valueOf(m.group(1)) : null,
                k.find() ? Integer.valueOf(k.group(1)) : null, integer(queryBudget), task);
    }

    private static Integer integer(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        double v = Double.parseDouble(text);
        return v == Math.rint(v) ? Integer.valueOf((int) v) : null;
    }
}
