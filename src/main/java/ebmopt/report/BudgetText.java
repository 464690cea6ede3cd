package ebmopt.report;

import java.util.List;

/**
 * How a cell names the training budget it shows and the runs of other budgets it leaves out:
 * "5 runs at 6000 iterations; not shown: 2 runs at 4000, 1 run at 30000 iterations".
 */
final class BudgetText {
    private BudgetText() {
    }

    /** "1 run", "5 runs". */
    static String runs(long n) {
        return n + (n == 1 ? " run" : " runs");
    }

    /** One left-out budget: "2 runs at 4000" (the unit follows the list). */
    static String entry(long runs, long budget) {
        return runs(runs) + " at " + budget;
    }

    /** The budget shown, "5 runs at 6000 iterations" ("5 runs" for a source with no training, unit ""). */
    static String shown(long runs, long budget, String unit) {
        return runs(runs) + (unit.isEmpty() ? "" : " at " + budget + " " + unit);
    }

    /** {@code shown} followed by the left-out budgets' entries, if any. */
    static String withLeftOut(String shown, List<String> leftOut, String unit) {
        return leftOut.isEmpty() ? shown : shown + "; not shown: " + String.join(", ", leftOut) + " " + unit;
    }
}
