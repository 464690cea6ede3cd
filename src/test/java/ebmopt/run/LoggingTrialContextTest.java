package ebmopt.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoggingTrialContextTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFreshTrialsTimeLeftIsItsRateTimesTheStepsLeft() {
        // 100 steps in 50 s from step 0: 0.5 s a step, 900 steps left
        assertEquals(450.0, LoggingTrialContext.secondsLeft(0, 0, 100, 1000, 50 * SECOND), 1e-9);
    }

    @Test
    void aResumedTrialCountsOnlyTheStepsSinceItResumed() {
        // resumed at 3400 of 12000; 240 steps in 120 s: 0.5 s a step, 8360 steps left (not the
        // ~280 s that dividing 120 s by all 3640 steps would give)
        double left = LoggingTrialContext.secondsLeft(3400, 10 * SECOND, 3640, 12000, 130 * SECOND);
        assertEquals(4180.0, left, 1e-9);
    }

    @Test
    void beforeAnyStepTheTimeLeftIsUnknown() {
        assertTrue(Double.isNaN(LoggingTrialContext.secondsLeft(3400, 0, 3400, 12000, 5 * SECOND)));
    }
}
