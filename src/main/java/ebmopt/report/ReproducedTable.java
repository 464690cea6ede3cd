package ebmopt.report;

import java.util.List;

/**
 * One table (or study) of the papers that the project reproduces: its cells, ours beside
 * the paper's, and its plots. One class (or one declaration) per table, registered in
 * {@link ReproducedTables}; a table whose experiment has not run yet still lists the
 * paper's cells, as "not run".
 */
public interface ReproducedTable {

    /** A short, stable id used in file names, SQL and the nightly history, e.g. "table14". */
    String id();

    /** The title as a reader knows it, e.g. "Table 14: Gaussian location family, n = 500". */
    String title();

    /** What is measured, in which units and direction, and where the paper's figures come from. */
    String description();

    /** What a row is, as the header of the first column of a grid ("method" by default). */
    default String rowHeader() {
        return "method";
    }

    /**
     * The job files whose sweeps fill this table (e.g. "jobs/lebm-table7.conf"), run with
     * {@code submit/sweep <job>}; empty when no job of the project runs it yet.
     */
    default List<String> jobs() {
        return List.of();
    }

    /** Every cell: the paper's, with ours where a sweep produced them. */
    List<Cell> cells(ReportContext context);

    /** What the cells show beyond each cell's verdict, in a sentence or two ("" by default). */
    default String findings(List<Cell> cells) {
        return "";
    }

    /** The table's figures (none by default). */
    default List<Plot> plots(ReportContext context, List<Cell> cells) {
        return List.of();
    }
}
