package ebmopt.nightly;

import ebmopt.report.Cell;
import ebmopt.report.Verdict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The night's one-screen summary: the verdict, what it was compared with, the counts of cells
 * and trials, the regressed cells (at most a screenful; the rest in comparison.md) and where
 * the report and history are.
 */
final class NightlySummary {
    private static final int SCREEN_LINES = 12;

    private NightlySummary() {
    }

    /** The one-screen summary. */
    static String render(LocalDate date, String previous, List<Cell> cells, List<Finding> findings, long[] trials,
                          double wall, String night, String nightlyDir) {
        List<Finding> regressions = findings.stream().filter(f -> f.kind().regression()).toList();
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, 0);
        }
        cells.forEach(c -> n.merge(c.verdict(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        long cellsRegressed = regressedCells(findings);
        s.append("Nightly reproduction ").append(date).append(": ").append(regressions.isEmpty() ? "OK, no regression"
                : "REGRESSION in " + cellsRegressed + " cell" + (cellsRegressed == 1 ? "" : "s") + " ("
                + regressions.size() + " finding" + (regressions.size() == 1 ? "" : "s") + ")").append('\n');
        s.append("Compared with: the paper, and ").append(previous == null ? "no previous night (the first)"
                : "the night of " + previous).append('\n');
        s.append(String.format(Locale.ROOT, "Cells: %d run (%d reproduced, %d better, %d worse, %d no paper figure), "
                        + "%d not run; trials: %d done, %d failed, %d diverged; %.0f s%n",
                cells.size() - n.get(Verdict.NOT_RUN), n.get(Verdict.REPRODUCED), n.get(Verdict.BETTER),
                n.get(Verdict.WORSE), n.get(Verdict.NO_PAPER_FIGURE), n.get(Verdict.NOT_RUN), trials[0], trials[1],
                trials[2], wall));
        if (!regressions.isEmpty()) {
            Map<String, List<Finding>> byCell = new LinkedHashMap<>();
            regressions.forEach(f -> byCell.computeIfAbsent(f.tonight().key(), k -> new ArrayList<>()).add(f));
            s.append("Regressed (ours vs paper, previous night -> what):\n");
            byCell.values().stream().limit(SCREEN_LINES).forEach(f -> s.append("  ")
                    .append(NightlyComparison.describeCell(f, previous)).append('\n'));
            if (byCell.size() > SCREEN_LINES) {
                s.append("  ... and ").append(byCell.size() - SCREEN_LINES).append(" more cells (comparison.md)\n");
            }
        }
        long known = findings.stream().filter(f -> f.kind() == Finding.Kind.STILL_WORSE_THAN_PAPER).count();
        long better = findings.stream().filter(f -> f.kind() == Finding.Kind.BETTER_THAN_PREVIOUS).count();
        if (known + better > 0) {
            s.append("Not failing: ").append(known).append(" cells still worse than the paper (known), ").append(better)
                    .append(" better than the previous night\n");
        }
        s.append("Report: ").append(night).append("/report/index.html; history: ").append(nightlyDir).append('/')
                .append(NightlyRun.HISTORY).append('\n');
        return s.toString();
    }

    /** Distinct cells with at least one regression. */
    static long regressedCells(List<Finding> findings) {
        return findings.stream().filter(f -> f.kind().regression()).map(f -> f.tonight().key()).distinct().count();
    }
}
