package ebmopt.sweep;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;

import java.util.List;

/**
 * One swept key and the values it takes, in the order given.
 *
 * @param key    the parameter key (kebab case), or {@code replicate} / {@code seed}
 * @param values the values, each carrying the file and line it came from
 * @param origin where the axis was declared
 */
public record Axis(String key, List<ConfigValue> values, ConfigOrigin origin) {
    public Axis {
        values = List.copyOf(values);
    }
}
