package ebmopt.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The line that says which trials stand behind which rows of a table. */
class TableResultTest {

    private static Cell cell(String row, String column, Double ours, String settings, String scale) {
        return new Cell("t", row, column, 0, ours, null, ours == null ? 0 : 1, 0, 0.5, null, true, settings, scale);
    }

    @Test
    void eachSettingIsNamedWithTheRowsItStandsBehind() {
        TableResult t = new TableResult(null, List.of(
                cell("N2CE", "tf_bind_8", 0.9, "experiment lebm where a", "5 runs"),
                cell("N2CE", "tf_bind_10", 0.6, "experiment lebm where a", "5 runs"),
                cell("N2CE on the visible scale", "tf_bind_8", 2.0, "experiment lebm where a", "5 runs"),
                cell("NCE", "tf_bind_8", 0.95, "experiment lebm where b", "5 runs"),
                cell("MLE", "tf_bind_8", null, "", "")), List.of());
        assertEquals("N2CE, N2CE on the visible scale: experiment lebm where a (5 runs); "
                + "NCE: experiment lebm where b (5 runs)", t.settingsAndScale());
    }
}
