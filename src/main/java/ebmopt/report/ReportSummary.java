package ebmopt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The few lines the tables job prints: per reproduced table, its cells by verdict. */
public final class ReportSummary {
    private ReportSummary() {
    }

    public static String render(List<TableResult> tables) {
        List<List<String>> rows = new ArrayList<>();
        for (TableResult t : tables) {
            Map<Verdict, Integer> n = t.counts();
            rows.add(List.of(t.table().id(), String.valueOf(t.cells().size()), String.valueOf(n.get(Verdict.REPRODUCED)),
                    String.valueOf(n.get(Verdict.BETTER)), String.valueOf(n.get(Verdict.WORSE)),
                    String.valueOf(n.get(Verdict.NOT_RUN)), String.valueOf(n.get(Verdict.NO_PAPER_FIGURE))));
        }
        return MarkdownTable.render(List.of("table", "cells", "reproduced", "better", "worse", "not run",
                "no paper figure"), rows);
    }
}
