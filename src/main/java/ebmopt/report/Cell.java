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
 * @param paperRuns      the seeds (runs) the paper's mean and std are over; 0 when not known
 * @param higherIsBetter the table's direction (a score: true; an error: false)
 * @param settings       the parameters that produced ours, in words ("" when not run)
 * @param scale          runs, scale and sweeps behind ours ("" when not run)
 * @param parameters     the row's and column's settings, typed ({@link RowParameters#NONE} where a
 *                       table does not need them, and in cells read back from Parquet)
 */
public record Cell(String table, String row, String column, int order, Double oursMean, Double oursStd, long runs,
                   long failed, Double paperMean, Double paperStd, int paperRuns, boolean higherIsBetter,
                   String settings, String scale, RowParameters parameters) {

    /** A cell without typed settings or a paper seed count (e.g. one without a paper figure). */
    public Cell(String table, String row, String column, int order, Double oursMean, Double oursStd, long runs,
                long failed, Double paperMean, Double paperStd, boolean higherIsBetter, String settings,
                String scale) {
        this(table, row, column, order, oursMean, oursStd, runs, failed, paperMean, paperStd, 0, higherIsBetter,
                settings, scale, RowParameters.NONE);
    }

    /** A cell the paper reports that we have not run (yet), with its row's typed settings. */
    public static Cell notRun(String table, String row, String column, int order, Double paperMean, Double paperStd,
                              int paperRuns, boolean higherIsBetter, RowParameters parameters) {
        return new Cell(table, row, column, order, null, null, 0, 0, paperMean, paperStd, paperRuns, higherIsBetter,
                "", "", parameters);
    }

    /** This cell with ours filled in. */
    public Cell withOurs(Double mean, Double std, long done, long failedRuns, String ourSettings, String ourScale) {
        return new Cell(table, row, column, order, mean, std, done, failedRuns, paperMean, paperStd, paperRuns,
                higherIsBetter, ourSettings, ourScale, parameters);
    }

    /** Ours as a sample for {@link Verdict}; null when not run. */
    public Verdict.Sample ours() {
        return oursMean == null || oursMean.isNaN() ? null : new Verdict.Sample(oursMean, oursStd, runs);
    }

    /** The paper's figure as a sample for {@link Verdict}; null when it has none. */
    public Verdict.Sample paper() {
        return paperMean == null ? null : new Verdict.Sample(paperMean, paperStd, paperRuns);
    }

    /** The band the verdict is decided by; null without both figures. */
    public Verdict.Tolerance tolerance() {
        return ours() == null || paper() == null ? null : Verdict.tolerance(ours(), paper());
    }

    /** (ours - paper) / SE, the difference in standard errors ({@link Verdict}); null without an SE. */
    public Double z() {
        Verdict.Tolerance t = tolerance();
        return t == null ? null : t.z(oursMean - paperMean);
    }

    /** (ours - paper) / |paper|; null without both means or for a zero paper mean. */
    public Double relativeDifference() {
        if (oursMean == null || paperMean == null || paperMean == 0) {
            return null;
        }
        return (oursMean - paperMean) / Math.abs(paperMean);
    }

    public Verdict verdict() {
        return Verdict.of(ours(), paper(), higherIsBetter);
    }

    /** The cell's key across reports and nights: table / row / column. */
    public String key() {
        return table + " / " + row + " / " + column;
    }
}
