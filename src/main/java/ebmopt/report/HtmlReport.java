package ebmopt.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page (plots beside it as PNG files): a summary of
 * every reproduced table with the verdict rule, then each table with results of ours (ours
 * beside the paper's, the difference in standard errors, a verdict per cell, the settings and
 * scale of ours, its plots), then one line per table not run yet with the command that fills
 * it (the paper's figures folded beneath). The markup is well-formed XML (void elements
 * closed), so that any XML parser can check it.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body { font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; margin: 2em auto;
                   max-width: 1150px; color: #222; line-height: 1.45; padding: 0 1em; }
            h1 { font-size: 1.7em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
            table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.zero { color: #bbb; }
            .reproduced { background: #e3f4e3; } .better { background: #e2ecfb; } .worse { background: #fbe2e2; }
            .not-run { background: #f6f6f6; color: #777; } .no-paper-figure { background: #fffbe6; }
            .badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 0.85em; }
            .small { color: #666; font-size: 0.85em; } .grid td { min-width: 7em; }
            .rule { background: #f7f7f7; border-left: 3px solid #999; padding: 0.4em 0.8em; }
            .finding { background: #f3f7fc; padding: 0.4em 0.8em; } .totals { font-weight: 600; }
            figure { margin: 1em 0; } figcaption { color: #555; font-size: 0.9em; max-width: 760px; }
            details { margin: 0.3em 0; } details > summary { cursor: pointer; }
            details[open] { border-left: 3px solid #ddd; padding-left: 0.8em; }
            .preamble { border: 2px solid #999; padding: 0.5em 1em; border-radius: 6px; }
            """;

    private HtmlReport() {
    }

    public static String render(ReportInfo info, List<TableResult> tables) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
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
        summary(out, tables);
        Map<String, TableResult> described = new HashMap<>();
        for (TableResult t : tables) {
            if (t.ran()) {
                section(out, t, described);
            }
        }
        List<TableResult> notRun = tables.stream().filter(t -> !t.ran()).toList();
        if (!notRun.isEmpty()) {
            out.append("<h2 id=\"not-run\">Not run yet</h2>\n<p>One line per table without results of ours, with the ")
                    .append("command that fills it (then <code>submit/tables all</code>); open a line for what the ")
                    .append("table measures and the paper's figures.</p>\n");
            notRun.forEach(t -> notRunLine(out, t));
        }
        out.append("<h2 id=\"files\">Files</h2>\n<p>This page's Markdown twin: <a href=\"report.md\">report.md</a>. Its ")
                .append("cells as a Parquet table: <code>tables/reproduced</code> under the output root (Spark SQL: ")
                .append("the view <code>reproduced</code>; <code>submit/sql \"SELECT * FROM reproduced WHERE verdict ")
                .append("= 'worse'\"</code>). Views for spark-sql and spark-shell: <code>views.sql</code>, ")
                .append("<code>views.scala</code> under the output root.</p>\n</body></html>\n");
        return out.toString();
    }

    private static void summary(StringBuilder out, List<TableResult> tables) {
        out.append("<h2 id=\"summary\">Summary</h2>\n<p class=\"totals\">")
                .append(Html.escape(ReportSummary.totals(tables))).append("</p>\n<p class=\"rule\">")
                .append(Html.escape(Verdict.RULE)).append(' ').append(Html.escape(Verdict.Z_MEANING))
                .append(" Verdicts: ");
        for (Verdict v : Verdict.values()) {
            out.append(badge(v)).append(' ');
        }
        out.append("</p>\n<table><tr><th>table</th><th>reproduced</th><th>better</th><th>worse</th>")
                .append("<th>no paper figure</th><th>paper cells not run</th></tr>\n");
        for (TableResult t : tables) {
            out.append("<tr><td><a href=\"#").append(Html.escape(t.table().id())).append("\">")
                    .append(Html.escape(t.table().title())).append("</a></td>");
            if (!t.ran()) {
                out.append("<td colspan=\"5\" class=\"not-run\">").append(commandsHtml(t.table())).append("</td></tr>\n");
                continue;
            }
            Map<Verdict, Integer> n = t.counts();
            for (Verdict v : List.of(Verdict.REPRODUCED, Verdict.BETTER, Verdict.WORSE, Verdict.NO_PAPER_FIGURE,
                    Verdict.NOT_RUN)) {
                int count = n.get(v);
                out.append("<td class=\"num ").append(count > 0 ? css(v) : "zero").append("\">").append(count)
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void section(StringBuilder out, TableResult t, Map<String, TableResult> described) {
        out.append("<h2 id=\"").append(Html.escape(t.table().id())).append("\">").append(Html.escape(t.table().title()))
                .append("</h2>\n<p>");
        TableResult first = described.putIfAbsent(t.table().description(), t);
        if (first == null) {
            out.append(Html.escape(t.table().description()));
        } else {
            out.append("What is measured: as for <a href=\"#").append(Html.escape(first.table().id())).append("\">")
                    .append(Html.escape(first.table().title())).append("</a>.");
        }
        out.append("</p>\n<p><b>Settings and scale of ours:</b> ").append(Html.escape(t.settingsAndScale()))
                .append("</p>\n");
        String findings = t.table().findings(t.cells());
        if (!findings.isEmpty()) {
            out.append("<p class=\"finding\">").append(Html.escape(findings)).append("</p>\n");
        }
        out.append(t.columns().size() == 1 ? list(t) : grid(t, false));
        figures(out, t);
    }

    /** A table without results of ours: one line with the command, the rest folded. */
    private static void notRunLine(StringBuilder out, TableResult t) {
        out.append("<details id=\"").append(Html.escape(t.table().id())).append("\"><summary><b>")
                .append(Html.escape(t.table().title())).append("</b>: ").append(commandsHtml(t.table()))
                .append("</summary>\n<p>").append(Html.escape(t.table().description())).append("</p>\n");
        if (!t.cells().isEmpty()) {
            out.append("<p>The paper's ").append(t.cells().size()).append(" cells:</p>\n").append(grid(t, true));
        }
        figures(out, t);
        out.append("</details>\n");
    }

    /** "not run: <code>submit/sweep jobs/a.conf</code>", or why there is no command. */
    private static String commandsHtml(ReproducedTable table) {
        if (table.jobs().isEmpty()) {
            return Html.escape(ReportSummary.notRun(table));
        }
        return "not run: " + String.join(", ", ReportSummary.commands(table).stream()
                .map(c -> "<code>" + Html.escape(c) + "</code>").toList());
    }

    private static void figures(StringBuilder out, TableResult t) {
        for (Plot p : t.plots()) {
            out.append("<figure><img src=\"").append(Html.escape(p.fileName())).append("\" alt=\"")
                    .append(Html.escape(p.caption())).append("\" width=\"760\"/><figcaption>")
                    .append(Html.escape(p.caption())).append("</figcaption></figure>\n");
        }
    }

    private static String list(TableResult t) {
        StringBuilder out = new StringBuilder("<table><tr><th>").append(Html.escape(t.table().rowHeader()))
                .append("</th><th>ours</th><th>paper</th><th>z</th><th>difference</th><th>verdict</th><th>runs</th>")
                .append("<th>settings</th></tr>\n");
        for (Cell c : t.cells()) {
            String note = CellText.basis(c);
            out.append("<tr class=\"").append(css(c.verdict())).append("\"><td>").append(Html.escape(c.row()))
                    .append("</td><td class=\"num\">").append(Html.escape(CellText.ours(c))).append("</td><td class=\"num\">")
                    .append(Html.escape(CellText.paper(c))).append("</td><td class=\"num\">").append(Html.escape(CellText.z(c)))
                    .append("</td><td class=\"num\">").append(Html.escape(CellText.relative(c)))
                    .append(note.isEmpty() ? "" : "<br/><span class=\"small\">" + Html.escape(note) + "</span>")
                    .append("</td><td>").append(Html.escape(c.verdict().label())).append("</td><td class=\"num\">")
                    .append(c.oursMean() == null ? "-" : c.runs() + (c.failed() > 0 ? " (+" + c.failed()
                            + " failed/diverged)" : "")).append("</td><td class=\"small\">").append(Html.escape(c.settings()))
                    .append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /** Rows by columns; {@code paperOnly}: the paper's figures alone (a table not run yet). */
    private static String grid(TableResult t, boolean paperOnly) {
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
                } else if (paperOnly) {
                    out.append("<td class=\"num\">").append(Html.escape(CellText.paper(c))).append("</td>");
                } else {
                    out.append(gridCell(c));
                }
            }
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /**
     * Ours in bold, the paper's, and the difference with the verdict; a cell not run shows the
     * paper's figure alone, one with no paper figure ours with its runs (the colour says which).
     */
    private static String gridCell(Cell c) {
        StringBuilder out = new StringBuilder("<td class=\"").append(css(c.verdict())).append("\">");
        if (c.oursMean() == null) {
            return out.append("<span class=\"small\">").append(c.paperMean() == null ? "" : "paper "
                    + Html.escape(CellText.paper(c))).append("</span></td>").toString();
        }
        out.append("<b>").append(Html.escape(CellText.ours(c))).append("</b><br/><span class=\"small\">");
        if (c.paperMean() == null) {
            return out.append(Html.escape(CellText.runs(c))).append("</span></td>").toString();
        }
        String difference = CellText.difference(c);
        return out.append("paper ").append(Html.escape(CellText.paper(c))).append("<br/>")
                .append(Html.escape(difference)).append(difference.isEmpty() ? "" : " · ")
                .append(Html.escape(c.verdict().label())).append("</span></td>").toString();
    }

    private static String badge(Verdict v) {
        return "<span class=\"badge " + css(v) + "\">" + Html.escape(v.label()) + "</span>";
    }

    static String css(Verdict v) {
        return v.label().replace(' ', '-');
    }
}
