package ebmopt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's summary, shared by the console, the HTML page and its Markdown twin: per table
 * that ran, its cells by verdict; per table that did not, the command that fills it.
 */
public final class ReportSummary {
    /** The command that fills a table from one of its job files. */
    static final String SWEEP = "submit/sweep ";

    private ReportSummary() {
    }

    /** The few lines the tables job prints. */
    public static String render(List<TableResult> tables) {
        List<List<String>> rows = new ArrayList<>();
        for (TableResult t : tables) {
            if (!t.ran()) {
                rows.add(List.of(t.table().id(), notRun(t.table()), "", "", "", "", ""));
                continue;
            }
            Map<Verdict, Integer> n = t.counts();
            rows.add(List.of(t.table().id(), "ran", String.valueOf(n.get(Verdict.REPRODUCED)),
                    String.valueOf(n.get(Verdict.BETTER)), String.valueOf(n.get(Verdict.WORSE)),
                    String.valueOf(n.get(Verdict.NO_PAPER_FIGURE)), String.valueOf(n.get(Verdict.NOT_RUN))));
        }
        return totals(tables) + "\n" + Verdict.RULE + "\n\n" + MarkdownTable.render(List.of("table", "status",
                "reproduced", "better", "worse", "no paper figure", "paper cells not run"), rows);
    }

    /**
     * "2 of 17 tables have results of ours: 5 cells reproduced, 0 better, 1 worse, 3 with no paper
     * figure (4 of their paper cells not run); 15 tables not run yet."
     */
    public static String totals(List<TableResult> tables) {
        long ran = tables.stream().filter(TableResult::ran).count();
        int[] n = new int[Verdict.values().length];
        tables.stream().filter(TableResult::ran).forEach(t -> t.counts().forEach((v, c) -> n[v.ordinal()] += c));
        String counts = ran == 0 ? "" : ": " + n[Verdict.REPRODUCED.ordinal()] + " cells reproduced, "
                + n[Verdict.BETTER.ordinal()] + " better, " + n[Verdict.WORSE.ordinal()] + " worse, "
                + n[Verdict.NO_PAPER_FIGURE.ordinal()] + " with no paper figure"
                + (n[Verdict.NOT_RUN.ordinal()] == 0 ? "" : " (" + n[Verdict.NOT_RUN.ordinal()]
                + " of their paper cells not run)");
        long notRun = tables.size() - ran;
        return ran + " of " + tables.size() + " tables " + (ran == 1 ? "has" : "have") + " results of ours" + counts
                + (notRun == 0 ? "." : "; " + notRun + (notRun == 1 ? " table" : " tables") + " not run yet.");
    }

    /** "not run: submit/sweep jobs/a.conf, submit/sweep jobs/b.conf" or, without a job, why not. */
    static String notRun(ReproducedTable table) {
        return table.jobs().isEmpty() ? "not run: no job of this project runs it (the paper's figures only)"
                : "not run: " + String.join(", ", commands(table));
    }

    /** "submit/sweep jobs/a.conf" per job file of the table. */
    static List<String> commands(ReproducedTable table) {
        return table.jobs().stream().map(j -> SWEEP + j).toList();
    }
}
