package ebmopt.config;

import java.util.regex.Pattern;

/**
 * The names that become a folder under {@code output.root} ({@code job.name}, the scale of
 * {@code --scale}, and so the sweep's name): a letter or digit, then letters, digits, '.',
 * '_' and '-'. This keeps every such name one path segment inside the root: no '/', and
 * neither {@code .} nor {@code ..}.
 */
public final class PathNames {
    /** What a name must match. */
    public static final String ALLOWED = "[A-Za-z0-9][A-Za-z0-9._-]*";
    private static final Pattern PATTERN = Pattern.compile(ALLOWED);

    private PathNames() {
    }

    /** Whether {@code name} is a safe folder name. */
    public static boolean isSafe(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /** What a violation says after the key and value: the allowed set and why. */
    public static String rule() {
        return "must match " + ALLOWED + " (a letter or digit, then letters, digits, '.', '_' or '-'): it names a "
                + "folder under output.root";
    }

    /** Fails with a {@link ConfigError} naming {@code key} and {@code name} unless the name is safe. */
    public static void require(String key, String name) {
        if (!isSafe(name)) {
            throw new ConfigError("Invalid " + key + " '" + name + "': " + rule());
        }
    }
}
