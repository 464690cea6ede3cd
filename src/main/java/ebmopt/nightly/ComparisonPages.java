package ebmopt.nightly;

import ebmopt.report.Html;

import java.util.List;
import java.util.Locale;

/**
 * The night's findings as pages: a Markdown table (comparison.md and the report's Markdown
 * twin) and the HTML section that opens the night's report.
 */
final class ComparisonPages {
    private ComparisonPages() {
    }

    static String markdown(String previous, List<Finding> findings) {
        if (findings.isEmpty()) {
            return "Every cell that ran is within the paper's tolerance"
                    + (previous == null ? "" : " and within the night-to-night tolerance of " + previous) + ".\n";
        }
        StringBuilder s = new StringBuilder("| finding | regression | cell |\n| --- | --- | --- |\n");
        for (Finding f : findings) {
            s.append("| ").append(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" | ")
                    .append(f.kind().regression() ? "yes" : "no").append(" | ")
                    .append(NightlyComparison.describe(f, previous).replace("|", "/")).append(" |\n");
        }
        return s.toString();
    }

    static String html(String previous, List<Finding> findings) {
        StringBuilder s = new StringBuilder("<p>").append(Html.escape(NightlyComparison.RULE)).append("</p>\n");
        if (findings.isEmpty()) {
            return s.append("<p>").append(Html.escape(markdown(previous, findings))).append("</p>\n").toString();
        }
        s.append("<table><tr><th>finding</th><th>regression</th><th>cell</th></tr>\n");
        for (Finding f : findings) {
            s.append("<tr class=\"").append(f.kind().regression() ? "worse" : "reproduced").append("\"><td>")
                    .append(Html.escape(f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</td><td>")
                    .append(f.kind().regression() ? "yes" : "no").append("</td><td>")
                    .append(Html.escape(NightlyComparison.describe(f, previous))).append("</td></tr>\n");
        }
        return s.append("</table>\n").toString();
    }
}
