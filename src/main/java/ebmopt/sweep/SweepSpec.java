package ebmopt.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import ebmopt.config.ConfigError;
import ebmopt.config.Sections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code sweep} block of a job: a union of grids.
 *
 * <pre>
 * sweep {
 *   grids = [
 *     { objective = [n2ce], noise-magnitude = [1, 10, 100], replicate = {from = 0, until = 100} }
 *     { objective = [nwj], replicate = {from = 0, until = 100} }
 *     { lambda1 = [1, 20], lambda2 = [1, 2], zip = [[lambda1, lambda2]] }   # lockstep
 *   ]
 * }
 * </pre>
 *
 * An axis is a list of values or an integer range {@code {from, until[, step]}} (until
 * excluded). Reserved axes: {@code replicate} (an int, default 0) and {@code seed} (an
 * explicit seed instead of the derived one). With no grids the sweep is one trial.
 *
 * @param grids the grids, in the order given
 */
public record SweepSpec(List<Grid> grids) {
    public static final String ZIP = "zip";

    public SweepSpec {
        grids = List.copyOf(grids);
    }

    /** Parses the sweep block ({@code sweep} in the whole configuration); absent means one trial. */
    public static SweepSpec parse(Config config) {
        if (!config.hasPath("sweep")) {
            return new SweepSpec(List.of(new Grid(List.of(), List.of(), null)));
        }
        Config sweep = Sections.object(config, "sweep");
        for (Map.Entry<String, ConfigValue> e : sweep.root().entrySet()) {
            if (!e.getKey().equals("grids")) {
                throw new ConfigError("Unknown configuration key " + ConfigError.where("sweep." + e.getKey(),
                        e.getValue().origin()) + "; sweep accepts only [grids]");
            }
        }
        if (!sweep.hasPath("grids")) {
            return new SweepSpec(List.of(new Grid(List.of(), List.of(), sweep.origin())));
        }
        ConfigValue gridsValue = sweep.getValue("grids");
        if (gridsValue.valueType() != ConfigValueType.LIST) {
            throw new ConfigError("Wrong type for " + ConfigError.where("sweep.grids", gridsValue.origin())
                    + ": must be a list of grid objects");
        }
        List<Grid> grids = new ArrayList<>();
        ConfigList list = (ConfigList) gridsValue;
        for (int i = 0; i < list.size(); i++) {
            grids.add(parseGrid(list.get(i), "sweep.grids[" + i + "]"));
        }
        if (grids.isEmpty()) {
            grids.add(new Grid(List.of(), List.of(), gridsValue.origin()));
        }
        return new SweepSpec(grids);
    }

    private static Grid parseGrid(ConfigValue value, String path) {
        if (value.valueType() != ConfigValueType.OBJECT) {
            throw new ConfigError("Wrong type for " + ConfigError.where(path, value.origin())
                    + ": a grid is an object of axis = [values]");
        }
        ConfigObject grid = (ConfigObject) value;
        List<Axis> axes = new ArrayList<>();
        List<List<String>> zips = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> e : new TreeMap<>(grid).entrySet()) {
            if (e.getKey().equals(ZIP)) {
                zips.addAll(parseZip(e.getValue(), path + "." + ZIP));
            } else {
                axes.add(parseAxis(e.getKey(), e.getValue(), path + "." + e.getKey()));
            }
        }
        axes.sort(Comparator.comparing(Axis::key));
        return new Grid(axes, zips, grid.origin());
    }

    private static Axis parseAxis(String key, ConfigValue value, String path) {
        if (value.valueType() == ConfigValueType.LIST) {
            List<ConfigValue> values = new ArrayList<>((ConfigList) value);
            if (values.isEmpty()) {
                throw new ConfigError("Empty sweep axis " + ConfigError.where(path, value.origin()));
            }
            return new Axis(key, values, value.origin());
        }
        if (value.valueType() == ConfigValueType.OBJECT) {
            return new Axis(key, range((ConfigObject) value, path), value.origin());
        }
        throw new ConfigError("Wrong type for sweep axis " + ConfigError.where(path, value.origin())
                + ": must be a list of values or a range {from, until[, step]}, got " + Sections.concise(value));
    }

    private static List<ConfigValue> range(ConfigObject object, String path) {
        Set<String> keys = object.keySet();
        if (!keys.contains("from") || !keys.contains("until") || !Set.of("from", "until", "step").containsAll(keys)) {
            throw new ConfigError("Bad sweep range " + ConfigError.where(path, object.origin())
                    + ": a range is {from = INT, until = INT, step = INT (optional)}, got " + Sections.concise(object));
        }
        Config c = object.toConfig();
        int from;
        int until;
        int step;
        try {
            from = c.getInt("from");
            until = c.getInt("until");
            step = keys.contains("step") ? c.getInt("step") : 1;
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigError("Bad sweep range " + path + ": " + e.getMessage(), e);
        }
        if (step <= 0 || until <= from) {
            throw new ConfigError("Bad sweep range " + ConfigError.where(path, object.origin())
                    + ": needs from < until and step > 0");
        }
        List<ConfigValue> values = new ArrayList<>();
        for (int v = from; v < until; v += step) {
            values.add(ConfigValueFactory.fromAnyRef(v, object.origin().description()));
        }
        return values;
    }

    private static List<List<String>> parseZip(ConfigValue value, String path) {
        try {
            List<List<String>> groups = new ArrayList<>();
            for (ConfigValue group : (ConfigList) value) {
                List<String> keys = new ArrayList<>();
                for (ConfigValue key : (ConfigList) group) {
                    keys.add((String) key.unwrapped());
                }
                groups.add(keys);
            }
            return groups;
        } catch (ClassCastException e) {
            throw new ConfigError("Wrong type for " + ConfigError.where(path, value.origin())
                    + ": must be a list of lists of axis names, e.g. [[lambda1, lambda2]]", e);
        }
    }
}
