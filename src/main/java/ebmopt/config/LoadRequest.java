package ebmopt.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What a user asked for on the command line: the layers to stack on the shipped defaults.
 *
 * @param profile   a file from conf/ by name ("local", "cluster") or a path to a .conf file; null for none
 * @param jobFile   the job file (jobs/...conf); null for none
 * @param scale     a named block under the job's {@code scales} (e.g. "ci"); null for the paper's settings
 * @param overrides "key=value" HOCON assignments, applied last
 */
public record LoadRequest(String profile, Path jobFile, String scale, List<String> overrides) {
    public LoadRequest {
        overrides = List.copyOf(overrides);
    }
}
