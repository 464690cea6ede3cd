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
 * Reads one of the papers' tables ({@link PaperFigures}): a header line, then
 * comma-separated rows; a cell may be double-quoted (it then may hold commas, and "" is a quote).
 */
public final class ReferenceCsv {
    private ReferenceCsv() {
    }

    /** The rows of {@code file} as maps from column name to text (empty text for an empty cell). */
    public static List<Map<String, String>> read(Path file, List<String> requiredColumns) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the paper's table " + file.toAbsolutePath()
                    + " (set reference.dir to the folder holding it, or leave it empty for the bundled copy)", e);
        }
        return parse(file.toString(), lines, requiredColumns);
    }

    /**
     * The rows of a table's {@code lines} as maps from column name to text (empty text for an
     * empty cell); {@code source} names where the lines came from, in messages.
     */
    public static List<Map<String, String>> parse(String source, List<String> lines, List<String> requiredColumns) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the paper's table " + source + " is empty");
        }
        String[] header = lines.get(0).split(",", -1);
        List<String> columns = List.of(header);
        for (String required : requiredColumns) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("the paper's table " + source + " lacks the column '" + required
                        + "' (it has " + columns + ")");
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = split(lines.get(i));
            if (cells.length != header.length) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + " has " + cells.length
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

    /** One line's cells, honouring double quotes. */
    static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
