package ebmopt.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;

import java.util.List;

/**
 * A resolved configuration stack and the layers it was built from.
 *
 * @param config the merged, resolved configuration
 * @param layers the sources, lowest first, as shown to users and saved with results
 * @param scale  the job scale that was applied, or null for the job's own (paper) settings
 */
public record LoadedConfig(Config config, List<String> layers, String scale) {

    /** The whole configuration as HOCON, each value commented with the file it came from. */
    public String render() {
        StringBuilder out = new StringBuilder("# Resolved configuration; layers, lowest first:\n");
        for (String layer : layers) {
            out.append("#   ").append(layer).append('\n');
        }
        out.append(config.root().render(ConfigRenderOptions.defaults().setJson(false)));
        return out.toString();
    }
}
