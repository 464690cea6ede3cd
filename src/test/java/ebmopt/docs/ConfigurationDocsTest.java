package ebmopt.docs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import ebmopt.config.JobSettings;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.Experiment;
import ebmopt.experiment.ExperimentRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md lists exactly the keys the project ships: every key of
 * {@code src/main/resources/ebmopt/defaults.conf}, of every other shipped {@code defaults.conf}
 * and of every shipped experiment's parameter defaults is documented, and every documented key
 * exists, so the page cannot drift from the code.
 *
 * <p>The page's convention: a heading that names a {@code src/main/resources/...conf} path in
 * backticks opens that file's section, which lasts until the next heading of the same or a
 * higher level; in it, every backticked word in the first column of a table row (header and
 * separator rows excepted) is a key, relative to that file.
 */
class ConfigurationDocsTest {
    private static final Path PAGE = Path.of("docs/configuration.md");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SHIPPED_DEFAULTS = RESOURCES.resolve("ebmopt/defaults.conf");
    private static final Path SHIPPED_EXPERIMENTS = RESOURCES.resolve("META-INF/services/"
            + Experiment.class.getName());
    /** Blocks bound whole to a map of free-form settings: one key each, whatever they hold. */
    private static final Set<String> FREE_FORM_BLOCKS = Set.of("spark.conf");
    private static final Pattern FILE_IN_HEADING = Pattern.compile("`(src/main/resources/[^`]+\\.conf)`");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SEPARATOR_ROW = Pattern.compile("^\\|(\\s*:?-{3,}:?\\s*\\|)+\\s*$");

    @Test
    void everyShippedKeyIsDocumentedAndEveryDocumentedKeyExists() throws IOException {
        Map<String, Set<String>> shipped = shippedKeys();
        Map<String, Set<String>> documented = documentedKeys(new MarkdownFile(PAGE));
        assertEquals(shipped.keySet(), documented.keySet(),
                "the defaults files " + PAGE + " has a section for, against those shipped");
        for (String file : shipped.keySet()) {
            Set<String> missing = new TreeSet<>(shipped.get(file));
            missing.removeAll(documented.get(file));
            Set<String> unknown = new TreeSet<>(documented.get(file));
            unknown.removeAll(shipped.get(file));
            assertTrue(missing.isEmpty(), file + ": keys not documented in " + PAGE + ": " + missing);
            assertTrue(unknown.isEmpty(), file + ": keys documented in " + PAGE + " that do not exist: " + unknown);
        }
    }

    /** By file (a path from the repository root): every key the file holds, as documentation names it. */
    private static Map<String, Set<String>> shippedKeys() throws IOException {
        Set<Path> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            all.filter(p -> p.getFileName().toString().equals("defaults.conf")).forEach(files::add);
        }
        for (Experiment<?> e : shippedExperiments()) {
            files.add(RESOURCES.resolve(e.defaultsResource()));
        }
        Map<String, Set<String>> keys = new TreeMap<>();
        for (Path file : files) {
            keys.put(file.toString(), keys(file));
        }
        // The job block's keys without a default (name, experiment) are the fields of its record.
        Arrays.stream(JobSettings.class.getRecordComponents())
                .forEach(c -> keys.get(SHIPPED_DEFAULTS.toString()).add("job." + RecordBinder.kebab(c.getName())));
        return keys;
    }

    private static Set<String> keys(Path file) {
        Config config = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                .resolve();
        return config.entrySet().stream().map(e -> freeFormBlock(e.getKey()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String freeFormBlock(String key) {
        return FREE_FORM_BLOCKS.stream().filter(b -> key.startsWith(b + ".")).findFirst().orElse(key);
    }

    /** The experiments the product registers (src/main's service file), not the tests' own. */
    private static List<Experiment<?>> shippedExperiments() throws IOException {
        Set<String> classes = Files.readAllLines(SHIPPED_EXPERIMENTS).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        List<Experiment<?>> found = ExperimentRegistry.all().values().stream()
                .filter(e -> classes.contains(e.getClass().getName())).toList();
        assertEquals(classes.size(), found.size(), "every experiment of " + SHIPPED_EXPERIMENTS + " is registered");
        return found;
    }

    /** By file named in a heading: the keys of the first column of that section's tables. */
    static Map<String, Set<String>> documentedKeys(MarkdownFile page) {
        Map<String, Set<String>> keys = new TreeMap<>();
        List<MarkdownFile.Line> lines = page.prose();
        String file = null;
        int level = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            MarkdownFile.Heading heading = MarkdownFile.heading(text);
            if (heading != null) {
                Matcher m = FILE_IN_HEADING.matcher(heading.text());
                if (m.find()) {
                    file = m.group(1);
                    level = heading.level();
                    keys.putIfAbsent(file, new TreeSet<>());
                } else if (heading.level() <= level) {
                    file = null;
                    level = 0;
                }
                continue;
            }
            boolean header = i + 1 < lines.size() && SEPARATOR_ROW.matcher(lines.get(i + 1).text()).matches();
            if (file == null || !text.startsWith("|") || header || SEPARATOR_ROW.matcher(text).matches()) {
                continue;
            }
            String firstCell = text.substring(1).split("(?<!\\\\)\\|", 2)[0];
            Matcher code = CODE.matcher(firstCell);
            while (code.find()) {
                keys.get(file).add(code.group(1));
            }
        }
        return keys;
    }
}
