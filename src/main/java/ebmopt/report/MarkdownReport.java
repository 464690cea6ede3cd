package ebmopt.report;

import java.util.ArrayList;
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
        out.append("## How to read this report\n\n")
                .append("Each table puts our result (mean ± std over runs) beside the paper's. ")
                .append(Verdict.RULE).append("\n\n");
        out.append("## Summary\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (TableResult t : tables) {
            Map<Verdict, Integer> n = t.counts();
            rows.add(List.of(t.table().title(), String.valueOf(t.cells().size()),
                    String.valueOf(n.get(Verdict.REPRODUCED)), String.valueOf(n.get(Verdict.BETTER)),
                    String.valueOf(n.get(Verdict.WORSE)), String.valueOf(n.get(Verdict.NOT_RUN)),
                    String.valueOf(n.get(Verdict.NO_PAPER_FIGURE)), t.ran() ? "run" : "not run"));
        }
        out.append(MarkdownTable.render(List.of("table", "cells", "reproduced", "better", "worse", "not run",
                "no paper figure", "status"), rows));
        for (TableResult t : tables) {
            out.append("\n## ").append(t.table().title()).append("\n\n").append(t.table().description()).append("\n\n");
            if (!t.ran()) {
                out.append("**Not run.**");
                out.append(t.cells().isEmpty() ? "\n" : " The paper's figures, for when it is:\n");
            } else {
                out.append("Settings and scale of ours: ").append(t.settingsAndScale()).append("\n");
            }
            if (!t.cells().isEmpty()) {
                out.append('\n').append(t.columns().size() == 1 ? list(t) : grid(t));
            }
            for (Plot p : t.plots()) {
                out.append("\n![").append(p.fileName()).append("](").append(p.fileName()).append(")\n\n")
                        .append("*").append(p.caption()).append("*\n");
            }
        }
        return out.toString();
    }

    private static String list(TableResult t) {
        List<List<String>> rows = new ArrayList<>();
        for (Cell c : t.cells()) {
            rows.add(List.of(c.row(), CellText.ours(c), CellText.paper(c), CellText.z(c), CellText.relative(c),
                    c.verdict().label(), c.oursMean() == null ? "-" : c.runs() + (c.failed() > 0 ? " (+" + c.failed()
                            + " failed/diverged)" : "")));
        }
        return MarkdownTable.render(List.of(t.columns().get(0).equals("traj_mse") ? "row" : t.table().rowHeader(),
                "ours", "paper", "z = (ours - paper) / paper std", "difference", "verdict", "runs"), rows);
    }

    private static String grid(TableResult t) {
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
                        .map(MarkdownReport::gridCell).orElse(""));
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
