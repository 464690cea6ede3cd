package ebmopt.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one of the papers' tables (reference.dir/*.csv): a header line, then plain
 * comma-separated rows without quoting.
 */
public final class ReferenceCsv {
    private ReferenceCsv() {
    }

    /** The rows as maps from column name to text (empty text for an empty cell). */
    public static List<Map<String, String>> read(Path file, List<String> requiredColumns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper's table " + file.toAbsolutePath()
                    + " (set reference.dir to the folder holding it)", e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the paper's table " + file + " is empty");
        }
        String[] header = lines.get(0).split(",", -1);
        List<String> columns = List.of(header);
        for (String required : requiredColumns) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("the paper's table " + file + " lacks the column '" + required
                        + "' (it has " + columns + ")");
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + " has " + cells.length
                        + " cells, the header " + header.length);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c].trim());
            }
            rows.add(row);
        }
        return rows;
    }
}
