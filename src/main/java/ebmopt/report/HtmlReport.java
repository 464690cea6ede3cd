package ebmopt.report;

import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page (plots beside it as PNG files): a summary of
 * every reproduced table, then each table with ours beside the paper's, the difference in
 * units of the paper's std, a verdict per cell, the settings and scale of ours, and its plots.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body { font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; margin: 2em auto;
                   max-width: 1150px; color: #222; line-height: 1.45; padding: 0 1em; }
            h1 { font-size: 1.7em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .reproduced { background: #e3f4e3; } .better { background: #e2ecfb; } .worse { background: #fbe2e2; }
            .not-run { background: #f6f6f6; color: #888; } .no-paper-figure { background: #fffbe6; }
            .badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.85em; }
            .small { color: #666; font-size: 0.85em; } .grid td { min-width: 7em; }
            figure { margin: 1em 0; } figcaption { color: #555; font-size: 0.9em; max-width: 760px; }
            details > summary { cursor: pointer; font-weight: 600; margin: 0.5em 0; }
            .preamble { border: 2px solid #999; padding: 0.5em 1em; border-radius: 6px; }
            """;

    private HtmlReport() {
    }

    public static String render(ReportInfo info, List<TableResult> tables) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(Html.escape(info.title())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n<h1>").append(Html.escape(info.title())).append("</h1>\n");
        out.append("<p class=\"small\">Generated ").append(Html.escape(info.generatedAt())).append(" from <code>")
                .append(Html.escape(info.outputRoot())).append("</code>. Code: ")
                .append(Html.escape(info.codeVersions().isEmpty() ? "-" : String.join(", ", info.codeVersions())))
                .append(". Sweeps read: ").append(Html.escape(info.sweeps().isEmpty() ? "none" : String.join(", ", info.sweeps())))
                .append(".</p>\n");
        if (!info.preambleHtml().isEmpty()) {
            out.append("<div class=\"preamble\">").append(info.preambleHtml()).append("</div>\n");
        }
        out.append("<h2>How to read this report</h2>\n<p>Each table puts our result (mean ± std over runs, "
                + "i.e. seeds) beside the paper's. ").append(Html.escape(Verdict.RULE)).append("</p>\n<p>Verdicts: ");
        for (Verdict v : Verdict.values()) {
            out.append(badge(v)).append(' ');
        }
        out.append("</p>\n<h2>Summary</h2>\n<table><tr><th>table</th><th>cells</th>");
        for (Verdict v : Verdict.values()) {
            out.append("<th>").append(Html.escape(v.label())).append("</th>");
        }
        out.append("</tr>\n");
        for (TableResult t : tables) {
            Map<Verdict, Integer> n = t.counts();
            out.append("<tr><td><a href=\"#").append(Html.escape(t.table().id())).append("\">").append(Html.escape(t.table().title()))
                    .append("</a></td><td class=\"num\">").append(t.cells().size()).append("</td>");
            for (Verdict v : Verdict.values()) {
                int count = n.get(v);
                out.append("<td class=\"num").append(count > 0 ? " " + css(v) : "").append("\">").append(count)
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        for (TableResult t : tables) {
            section(out, t);
        }
        out.append("<h2>Files</h2>\n<p>This page's Markdown twin: <a href=\"report.md\">report.md</a>. Its cells as a "
                + "Parquet table: <code>tables/reproduced</code> under the output root (Spark SQL: the view "
                + "<code>reproduced</code>; <code>submit/sql \"SELECT * FROM reproduced WHERE verdict = 'worse'\"</code>). "
                + "Views for spark-sql and spark-shell: <code>views.sql</code>, <code>views.scala</code> under the "
                + "output root.</p>\n</body></html>\n");
        return out.toString();
    }

    private static void section(StringBuilder out, TableResult t) {
        out.append("<h2 id=\"").append(Html.escape(t.table().id())).append("\">").append(Html.escape(t.table().title()))
                .append("</h2>\n<p>").append(Html.escape(t.table().description())).append("</p>\n");
        if (t.ran()) {
            out.append("<p><b>Settings and scale of ours:</b> ").append(Html.escape(t.settingsAndScale())).append("</p>\n");
        } else {
            out.append("<p><span class=\"badge not-run\">not run</span> No result of ours yet.</p>\n");
        }
        if (!t.cells().isEmpty()) {
            if (!t.ran()) {
                out.append("<details><summary>The paper's ").append(t.cells().size())
                        .append(" cells (all not run)</summary>\n");
            }
            out.append(t.columns().size() == 1 ? list(t) : grid(t));
            if (!t.ran()) {
                out.append("</details>\n");
            }
        }
        for (Plot p : t.plots()) {
            out.append("<figure><img src=\"").append(Html.escape(p.fileName())).append("\" alt=\"").append(Html.escape(p.caption()))
                    .append("\" width=\"760\"><figcaption>").append(Html.escape(p.caption())).append("</figcaption></figure>\n");
        }
    }

    private static String list(TableResult t) {
        StringBuilder out = new StringBuilder("<table><tr><th>row</th><th>ours</th><th>paper</th>"
                + "<th>z = (ours - paper) / paper std</th><th>difference</th><th>verdict</th><th>runs</th>"
                + "<th>settings</th></tr>\n");
        for (Cell c : t.cells()) {
            out.append("<tr class=\"").append(css(c.verdict())).append("\"><td>").append(Html.escape(c.row()))
                    .append("</td><td class=\"num\">").append(Html.escape(CellText.ours(c))).append("</td><td class=\"num\">")
                    .append(Html.escape(CellText.paper(c))).append("</td><td class=\"num\">").append(Html.escape(CellText.z(c)))
                    .append("</td><td class=\"num\">").append(Html.escape(CellText.relative(c))).append("</td><td>")
                    .append(Html.escape(c.verdict().label())).append("</td><td class=\"num\">")
                    .append(c.oursMean() == null ? "-" : c.runs() + (c.failed() > 0 ? " (+" + c.failed()
                            + " failed/diverged)" : "")).append("</td><td class=\"small\">").append(Html.escape(c.settings()))
                    .append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String grid(TableResult t) {
        StringBuilder out = new StringBuilder("<table class=\"grid\"><tr><th>").append(Html.escape(t.table().rowHeader()))
                .append("</th>");
        t.columns().forEach(c -> out.append("<th>").append(Html.escape(c)).append("</th>"));
        out.append("</tr>\n");
        for (String row : t.rows()) {
            out.append("<tr><td>").append(Html.escape(row)).append("</td>");
            for (String column : t.columns()) {
                Cell c = t.cells().stream().filter(x -> x.row().equals(row) && x.column().equals(column)).findFirst()
                        .orElse(null);
                if (c == null) {
                    out.append("<td></td>");
                    continue;
                }
                out.append("<td class=\"").append(css(c.verdict())).append("\">");
                if (c.oursMean() != null) {
                    out.append("<b>").append(Html.escape(CellText.ours(c))).append("</b><br>");
                }
                out.append("<span class=\"small\">").append(c.paperMean() == null ? Html.escape(CellText.runs(c))
                                : "paper " + Html.escape(CellText.paper(c))).append("</span><br>")
                        .append("<span class=\"small\">").append(Html.escape(CellText.difference(c)))
                        .append(CellText.difference(c).isEmpty() ? "" : " · ").append(Html.escape(c.verdict().label()))
                        .append("</span></td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String badge(Verdict v) {
        return "<span class=\"badge " + css(v) + "\">" + Html.escape(v.label()) + "</span>";
    }

    static String css(Verdict v) {
        return v.label().replace(' ', '-');
    }

}
