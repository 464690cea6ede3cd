package ebmopt.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reproduced table as built for one report: its cells and plots.
 */
public record TableResult(ReproducedTable table, List<Cell> cells, List<Plot> plots) {

    /** Cells per verdict, every verdict present (zero counts included). */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        cells.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        return counts;
    }

    /** Whether any cell has ours. */
    public boolean ran() {
        return cells.stream().anyMatch(c -> c.oursMean() != null);
    }

    /** The distinct columns, in order: one column renders as a list, several as a grid. */
    public List<String> columns() {
        return cells.stream().map(Cell::column).distinct().toList();
    }

    /** The distinct rows, in order. */
    public List<String> rows() {
        return cells.stream().map(Cell::row).distinct().toList();
    }

    /**
     * The distinct settings and scales behind ours, each after the rows it stands behind (two rows
     * may read the same trials, e.g. a score on two scales), "; "-joined.
     */
    public String settingsAndScale() {
        Map<String, Set<String>> rowsOf = new LinkedHashMap<>();
        cells.stream().filter(c -> c.oursMean() != null).forEach(c -> rowsOf.computeIfAbsent(
                c.settings() + (c.scale().isEmpty() ? "" : " (" + c.scale() + ")"), k -> new LinkedHashSet<>())
                .add(c.row()));
        return String.join("; ", rowsOf.entrySet().stream()
                .map(e -> String.join(", ", e.getValue()) + ": " + e.getKey()).toList());
    }
}
