package ebmopt.report;

/**
 * Spark SQL aggregates over the report's trials view that count only the runs that finished
 * (status done) toward a cell's mean and std, and count the rest as failed or diverged.
 */
final class DoneRuns {
    /** Runs that finished. */
    static final String RUNS = "sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END)";
    /** Runs that failed or diverged. */
    static final String FAILED = "sum(CASE WHEN status = 'done' THEN 0 ELSE 1 END)";

    private DoneRuns() {
    }

    /** The mean of {@code value} over finished runs (null when none). */
    static String mean(String value) {
        return "avg(CASE WHEN status = 'done' THEN " + value + " END)";
    }

    /** The sample std of {@code value} over finished runs (null below two). */
    static String std(String value) {
        return "stddev(CASE WHEN status = 'done' THEN " + value + " END)";
    }
}
