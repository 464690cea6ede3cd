package ebmopt.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A paper method's label read once into typed settings, and the ablations' row filters on them. */
class RowParametersTest {

    @Test
    void aPaperMethodsLabelGivesItsMAndKAndTheColumnsItsTaskAndQ() {
        RowParameters p = RowParameters.ofPaperMethod("N2CE-LEBM (M=100,K=6,SVGD)", "superconductor", "256");
        assertEquals(100.0, p.noiseMagnitude());
        assertEquals(6, p.stages());
        assertEquals(256, p.queryBudget());
        assertEquals("superconductor", p.task());

        RowParameters coms = RowParameters.ofPaperMethod("COMs", "tf_bind_8", "");
        assertNull(coms.noiseMagnitude());
        assertNull(coms.stages());
        assertNull(coms.queryBudget());
    }

    @Test
    void theAblationsSelectRowsByTheirTypedSettings() {
        RowParameters k6 = RowParameters.ofPaperMethod("N2CE-LEBM (M=1000,K=6,SVGD)", "superconductor", "256");
        RowParameters k2 = RowParameters.ofPaperMethod("N2CE-LEBM (M=100,K=2,SVGD)", "superconductor", "256");
        assertTrue(DesignBenchTable.withStages(6).test(k6));
        assertFalse(DesignBenchTable.withStages(6).test(k2));
        assertTrue(DesignBenchTable.withNoiseMagnitude(100).test(k2));
        assertFalse(DesignBenchTable.withNoiseMagnitude(100).test(k6));
        assertFalse(DesignBenchTable.withStages(6).test(RowParameters.ofPaperMethod("COMs", "ant", "256")));
    }
}
