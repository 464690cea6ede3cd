package ebmopt.report;

import java.util.List;

/** Renders rows as a GitHub-flavoured Markdown table with aligned columns. */
public final class MarkdownTable {
    private MarkdownTable() {
    }

    public static String render(List<String> header, List<List<String>> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        StringBuilder rule = new StringBuilder("|");
        for (int w : width) {
            rule.append(' ').append("-".repeat(w)).append(" |");
        }
        out.append(rule).append('\n');
        rows.forEach(row -> line(out, row, width));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width) {
        out.append('|');
        for (int c = 0; c < cells.size(); c++) {
            out.append(' ').append(pad(cells.get(c), width[c])).append(" |");
        }
        out.append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** "0.453 ± 0.007" with three decimals, or "-" for a missing value. */
    public static String meanStd(Double mean, Double std) {
        if (mean == null || mean.isNaN()) {
            return "-";
        }
        return std == null || std.isNaN() ? String.format("%.3f", mean) : String.format("%.3f ± %.3f", mean, std);
    }
}
