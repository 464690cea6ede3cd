package ebmopt.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The papers' tables a report puts beside our numbers. The project ships its own copy as
 * classpath resources ({@value #BUNDLED}: {@link DesignBenchTable#PAPER_FILE},
 * {@link GaussianTables#PAPER_FILE}; each row names its paper and table in a {@code source}
 * column), so a fresh clone and a jar on a cluster both have them. {@code reference.dir}, when
 * set, overrides them file by file: a table found in that folder is read from there, one it
 * lacks from the bundled copy.
 */
public final class PaperFigures {
    /** The classpath folder of the bundled tables. */
    public static final String BUNDLED = "ebmopt/paper/";

    private final Path overrideDir;

    private PaperFigures(Path overrideDir) {
        this.overrideDir = overrideDir;
    }

    /** The bundled tables only. */
    public static PaperFigures bundled() {
        return new PaperFigures(null);
    }

    /** The tables in {@code dir}, the bundled ones for those it lacks. */
    public static PaperFigures overriddenBy(Path dir) {
        return new PaperFigures(dir);
    }

    /** From the setting {@code reference.dir}: empty (or blank) means the bundled tables. */
    public static PaperFigures fromSetting(String referenceDir) {
        return referenceDir == null || referenceDir.isBlank() ? bundled() : overriddenBy(Path.of(referenceDir));
    }

    /**
     * The rows of table {@code file} (e.g. {@link DesignBenchTable#PAPER_FILE}) as maps from column
     * name to text, failing if one of {@code requiredColumns} is missing.
     */
    public List<Map<String, String>> read(String file, List<String> requiredColumns) {
        Path override = overrideDir == null ? null : overrideDir.resolve(file);
        if (override != null && Files.isRegularFile(override)) {
            return ReferenceCsv.read(override, requiredColumns);
        }
        String resource = BUNDLED + file;
        try (InputStream in = PaperFigures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the paper's table " + file + " is neither bundled (classpath "
                        + resource + ")" + (override == null ? "" : " nor in " + override.toAbsolutePath()));
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return ReferenceCsv.parse("classpath:" + resource, lines, requiredColumns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled paper's table classpath:" + resource, e);
        }
    }
}
