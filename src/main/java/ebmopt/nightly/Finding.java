package ebmopt.nightly;

import ebmopt.report.Cell;

/**
 * What the nightly found about one cell.
 *
 * @param kind     what happened
 * @param tonight  the cell tonight
 * @param previous the same cell the previous night; null when there was none
 */
public record Finding(Kind kind, Cell tonight, Cell previous) {

    /** What can happen to a cell; {@link #regression()} says which kinds fail the night. */
    public enum Kind {
        /** Worse than the paper beyond its tolerance, and was not the previous night (or there was none). */
        NEW_WORSE_THAN_PAPER(true),
        /** Moved the wrong way since the previous night by more than the night-to-night tolerance. */
        WORSE_THAN_PREVIOUS(true),
        /** Had results the previous night and has none tonight. */
        LOST(true),
        /** More failed or diverged runs than the previous night. */
        MORE_FAILURES(true),
        /** Worse than the paper, as it already was the previous night (known; reported, not failed). */
        STILL_WORSE_THAN_PAPER(false),
        /** Moved the right way since the previous night by more than the tolerance. */
        BETTER_THAN_PREVIOUS(false);

        private final boolean regression;

        Kind(boolean regression) {
            this.regression = regression;
        }

        public boolean regression() {
            return regression;
        }
    }
}
