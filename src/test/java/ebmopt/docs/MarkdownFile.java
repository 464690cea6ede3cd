package ebmopt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page read the simple way the documentation tests need: its lines outside fenced
 * code blocks (numbered from 1), its fenced blocks of one language, its headings' anchors and
 * its links. Fences are lines starting with three backticks; inline code spans never hold links.
 */
final class MarkdownFile {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*$");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    /** A line outside fenced code. */
    record Line(int number, String text) {
    }

    /** A heading: its level (1 for #) and its text as written. */
    record Heading(int level, String text) {
    }

    private final Path path;
    private final List<String> lines;

    MarkdownFile(Path path) {
        this.path = path;
        try {
            this.lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path() {
        return path;
    }

    /** The lines outside fenced code blocks. */
    List<Line> prose() {
        List<Line> out = new ArrayList<>();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                out.add(new Line(i + 1, line));
            }
        }
        return out;
    }

    /** The contents of every fenced block opened with {@code ```language}. */
    List<String> fencedBlocks(String language) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (!fenced && line.substring(3).trim().equals(language)) {
                    block = new StringBuilder();
                } else if (fenced && block != null) {
                    blocks.add(block.toString());
                    block = null;
                }
                fenced = !fenced;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** The heading a prose line is, if it is one. */
    static Heading heading(String line) {
        Matcher m = HEADING.matcher(line);
        return m.matches() ? new Heading(m.group(1).length(), m.group(2)) : null;
    }

    /** Every heading's anchor as GitHub makes it (lower case, punctuation dropped, spaces to '-', '-1' on repeats). */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Line line : prose()) {
            Heading h = heading(line.text());
            if (h == null) {
                continue;
            }
            String slug = h.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}\\p{Mn}_ -]", "")
                    .replace(' ', '-');
            int repeat = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
        }
        return anchors;
    }

    /** The target of every link in prose, as written (outside code spans), with its line. */
    List<Line> links() {
        List<Line> out = new ArrayList<>();
        for (Line line : prose()) {
            Matcher m = LINK.matcher(CODE_SPAN.matcher(line.text()).replaceAll(""));
            while (m.find()) {
                out.add(new Line(line.number(), m.group(1)));
            }
        }
        return out;
    }
}
