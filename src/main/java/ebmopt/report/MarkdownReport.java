package ebmopt.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The report's Markdown twin: the same sections, tables and (linked) plots as the HTML. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(ReportInfo info, List<TableResult> tables) {
        StringBuilder out = new StringBuilder("# ").append(info.title()).append("\n\n");
        out.append("Generated ").append(info.generatedAt()).append(" from `").append(info.outputRoot())
                .append("`; code: ").append(info.codeVersions().isEmpty() ? "-" : String.join(", ", info.codeVersions()))
                .append("; sweeps: ").append(info.sweeps().isEmpty() ? "none" : String.join(", ", info.sweeps()))
                .append(".\n\n");
        if (!info.preambleMarkdown().isEmpty()) {
            out.append(info.preambleMarkdown()).append('\n');
        }
        out.append("## Summary\n\n**").append(ReportSummary.totals(tables)).append("**\n\n")
                .append(Verdict.RULE).append(' ').append(Verdict.Z_MEANING).append("\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (TableResult t : tables) {
            if (!t.ran()) {
                rows.add(List.of(t.table().title(), notRun(t.table()), "", "", "", ""));
                continue;
            }
            Map<Verdict, Integer> n = t.counts();
            rows.add(List.of(t.table().title(), String.valueOf(n.get(Verdict.REPRODUCED)),
                    String.valueOf(n.get(Verdict.BETTER)), String.valueOf(n.get(Verdict.WORSE)),
                    String.valueOf(n.get(Verdict.NO_PAPER_FIGURE)), String.valueOf(n.get(Verdict.NOT_RUN))));
        }
        out.append(MarkdownTable.render(List.of("table", "reproduced", "better", "worse", "no paper figure",
                "paper cells not run"), rows));
        Map<String, String> described = new HashMap<>();
        for (TableResult t : tables) {
            if (!t.ran()) {
                continue;
            }
            out.append("\n## ").append(t.table().title()).append("\n\n");
            String first = described.putIfAbsent(t.table().description(), t.table().title());
            out.append(first == null ? t.table().description() : "What is measured: as for " + first + ".")
                    .append("\n\nSettings and scale of ours: ").append(t.settingsAndScale()).append("\n");
            String findings = t.table().findings(t.cells());
            if (!findings.isEmpty()) {
                out.append("\n**").append(findings).append("**\n");
            }
            out.append('\n').append(t.columns().size() == 1 ? list(t) : grid(t));
            figures(out, t);
        }
        List<TableResult> notRun = tables.stream().filter(t -> !t.ran()).toList();
        if (!notRun.isEmpty()) {
            out.append("\n## Not run yet\n\nOne line per table without results of ours, with the command that fills ")
                    .append("it (then `submit/tables all`); open a line for what the table measures and the paper's ")
                    .append("figures.\n");
            for (TableResult t : notRun) {
                out.append("\n<details><summary><b>").append(t.table().title()).append("</b>: ")
                        .append(notRun(t.table())).append("</summary>\n\n").append(t.table().description())
                        .append('\n');
                if (!t.cells().isEmpty()) {
                    out.append("\nThe paper's ").append(t.cells().size()).append(" cells:\n\n").append(paperGrid(t));
                }
                figures(out, t);
                out.append("\n</details>\n");
            }
        }
        return out.toString();
    }

    /** "not run: `submit/sweep jobs/a.conf`", or why there is no command. */
    private static String notRun(ReproducedTable table) {
        return table.jobs().isEmpty() ? ReportSummary.notRun(table) : "not run: " + String.join(", ",
                ReportSummary.commands(table).stream().map(c -> "`" + c + "`").toList());
    }

    private static void figures(StringBuilder out, TableResult t) {
        for (Plot p : t.plots()) {
            out.append("\n![").append(p.fileName()).append("](").append(p.fileName()).append(")\n\n")
                    .append("*").append(p.caption()).append("*\n");
        }
    }

    private static String list(TableResult t) {
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : t.cells()) {
            String note = CellText.basis(c);
            rows.add(List.of(c.row(), CellText.ours(c), CellText.paper(c), CellText.z(c),
                    CellText.relative(c) + (note.isEmpty() ? "" : " (" + note + ")"), c.verdict().label(),
                    c.oursMean() == null ? "-" : c.runs() + (c.failed() > 0 ? " (+" + c.failed()
                            + " failed/diverged)" : "")));
        }
        return MarkdownTable.render(List.of(t.table().rowHeader(), "ours", "paper", "z", "difference", "verdict",
                "runs"), rows);
    }

    private static String grid(TableResult t) {
        return grid(t, MarkdownReport::gridCell);
    }

    /** The paper's figures alone, for a table not run yet. */
    private static String paperGrid(TableResult t) {
        return grid(t, CellText::paper);
    }

    private static String grid(TableResult t, java.util.function.Function<Cell, String> text) {
        List<String> columns = t.columns();
        List<String> header = new ArrayList<>();
        header.add(t.table().rowHeader());
        header.addAll(columns);
        List<List<String>> rows = new ArrayList<>();
        for (String row : t.rows()) {
            List<String> line = new ArrayList<>();
            line.add(row);
            for (String column : columns) {
                line.add(t.cells().stream().filter(c -> c.row().equals(row) && c.column().equals(column)).findFirst()
                        .map(text).orElse(""));
            }
            rows.add(line);
        }
        return MarkdownTable.render(header, rows);
    }

    private static String gridCell(Cell c) {
        if (c.oursMean() == null) {
            return c.paperMean() == null ? "not run" + (c.failed() > 0 ? " (" + c.failed() + " failed/diverged)" : "")
                    : "not run (paper " + CellText.paper(c) + ")";
        }
        if (c.paperMean() == null) {
            return CellText.ours(c) + " (" + CellText.runs(c) + ")";
        }
        String diff = CellText.difference(c);
        return CellText.ours(c) + " vs " + CellText.paper(c) + (diff.isEmpty() ? "" : " (" + diff + ")") + " "
                + c.verdict().label();
    }
}
