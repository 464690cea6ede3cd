package ebmopt.report;

/**
 * One cell of a reproduced table: ours beside the paper's, with the settings and scale that
 * produced ours.
 *
 * @param table          the reproduced table's id, e.g. "table14"
 * @param row            the row as the paper labels it, e.g. "N2CE, M = 100" or a method
 * @param column         the column, e.g. a task ("tf_bind_8") or a metric ("traj_mse")
 * @param order          the row's position in the paper's table (rows sort by it)
 * @param oursMean       our mean over runs; null when not run
 * @param oursStd        our std over runs; null when fewer than two runs
 * @param runs           runs that finished (status done)
 * @param failed         runs that failed or diverged
 * @param paperMean      the paper's mean; null when the paper has no figure
 * @param paperStd       the paper's std; null when it gives none
 * @param higherIsBetter the table's direction (a score: true; an error: false)
 * @param settings       the parameters that produced ours, in words ("" when not run)
 * @param scale          runs, scale and sweeps behind ours ("" when not run)
 * @param parameters     the row's and column's settings, typed ({@link RowParameters#NONE} where a
 *                       table does not need them, and in cells read back from Parquet)
 */
public record Cell(String table, String row, String column, int order, Double oursMean, Double oursStd, long runs,
                   long failed, Double paperMean, Double paperStd, boolean higherIsBetter, String settings,
                   String scale, RowParameters parameters) {

    /** A cell without typed settings. */
    public Cell(String table, String row, String column, int order, Double oursMean, Double oursStd, long runs,
                long failed, Double paperMean, Double paperStd, boolean higherIsBetter, String settings,
                String scale) {
        this(table, row, column, order, oursMean, oursStd, runs, failed, paperMean, paperStd, higherIsBetter,
                settings, scale, RowParameters.NONE);
    }

    /** A cell the paper reports that we have not run (yet). */
    public static Cell notRun(String table, String row, String column, int order, Double paperMean, Double paperStd,
                              boolean higherIsBetter) {
        return notRun(table, row, column, order, paperMean, paperStd, higherIsBetter, RowParameters.NONE);
    }

    /** A cell the paper reports that we have not run (yet), with its row's typed settings. */
    public static Cell notRun(String table, String row, String column, int order, Double paperMean, Double paperStd,
                              boolean higherIsBetter, RowParameters parameters) {
        return new Cell(table, row, column, order, null, null, 0, 0, paperMean, paperStd, higherIsBetter, "", "",
                parameters);
    }

    /** This cell with ours filled in. */
    public Cell withOurs(Double mean, Double std, long done, long failedRuns, String ourSettings, String ourScale) {
        return new Cell(table, row, column, order, mean, std, done, failedRuns, paperMean, paperStd, higherIsBetter,
                ourSettings, ourScale, parameters);
    }

    /** (ours - paper) / paper std; null without both means or a positive std. */
    public Double z() {
        if (oursMean == null || paperMean == null || paperStd == null || paperStd <= 0) {
            return null;
        }
        return (oursMean - paperMean) / paperStd;
    }

    /** (ours - paper) / |paper|; null without both means or for a zero paper mean. */
    public Double relativeDifference() {
        if (oursMean == null || paperMean == null || paperMean == 0) {
            return null;
        }
        return (oursMean - paperMean) / Math.abs(paperMean);
    }

    public Verdict verdict() {
        return Verdict.of(oursMean, paperMean, paperStd, higherIsBetter);
    }

    /** The cell's key across reports and nights: table / row / column. */
    public String key() {
        return table + " / " + row + " / " + column;
    }
}
