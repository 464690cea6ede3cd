package ebmopt.models.lebm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StageScheduleTest {

    @Test
    void printedWeightsEmphasiseTheNoiseEndAsMethodsSays() {
        double[] w = StageSchedule.of(6, List.of(), StageWeighting.PRINTED).weights();
        assertArrayEquals(new double[] {6.4, 2.0, 1.5, 1.3, 1.2, 1.1, 1.0}, w, 0.07);
    }

    @Test
    void reversedAndUniformWeights() {
        double[] printed = StageSchedule.of(6, List.of(), StageWeighting.PRINTED).weights();
        double[] reversed = StageSchedule.of(6, List.of(), StageWeighting.REVERSED).weights();
        for (int k = 0; k < 7; k++) {
            assertEquals(printed[6 - k], reversed[k], 1e-12);
        }
        assertArrayEquals(new double[] {1, 1, 1}, StageSchedule.of(2, List.of(), StageWeighting.UNIFORM).weights());
    }

    @Test
    void defaultSchedulesHaveKPlusOneIncreasingLevelsEndingNearTheTarget() {
        for (int k : new int[] {0, 1, 2, 4, 8}) {
            StageSchedule s = StageSchedule.of(k, List.of(), StageWeighting.PRINTED);
            assertEquals(k + 1, s.stages());
            assertEquals(0.9997, s.squared()[k], 1e-12);
            assertEquals(0.0, s.negativeLevel(0));
            assertTrue(k == 0 || s.positiveLevel(k - 1) == s.negativeLevel(k));
        }
        assertArrayEquals(StageSchedule.PAPER_K3, StageSchedule.of(3, List.of(), StageWeighting.PRINTED).squared());
    }

    @Test
    void rejectsBadSchedules() {
        assertThrows(IllegalArgumentException.class, () -> StageSchedule.of(2, List.of(0.1, 0.5), StageWeighting.PRINTED));
        assertThrows(IllegalArgumentException.class,
                () -> StageSchedule.of(2, List.of(0.1, 0.5, 0.4), StageWeighting.PRINTED));
    }
}
