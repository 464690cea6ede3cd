package ebmopt.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import ebmopt.config.ConfigError;
import ebmopt.config.ConfigLayers;

import java.util.List;

/**
 * Rejects a {@code --set params.KEY=...} whose KEY a sweep grid also sweeps. A grid's axis
 * replaces {@code params.KEY} in each of its trials, so such an override would be silently
 * ignored. We fail rather than let the override replace the axis: replacing it would
 * quietly change the sweep's set of trials (collapse the axis, break a zip group's equal
 * lengths) in a way the job file no longer shows; changing the sweep is one explicit
 * {@code --set sweep.grids=...} away.
 */
public final class AxisOverrides {
    private AxisOverrides() {
    }

    /** Fails with a {@link ConfigError} naming the key, the grid and the way out, if an override sets an axis. */
    public static void reject(SweepSpec spec, Config config) {
        List<Grid> grids = spec.grids();
        for (int g = 0; g < grids.size(); g++) {
            for (Axis axis : grids.get(g).axes()) {
                String key = ConfigUtil.joinPath("params", axis.key());
                if (!config.hasPath(key)) {
                    continue;
                }
                ConfigValue value = config.getValue(key);
                if (ConfigLayers.isOverride(value.origin())) {
                    throw new ConfigError("The override " + ConfigError.where(key, value.origin()) + " sets a sweep "
                            + "axis: " + ConfigError.where("sweep.grids[" + g + "]." + axis.key(), axis.origin())
                            + " sweeps " + axis.key() + ", and an axis replaces params." + axis.key() + " in every "
                            + "trial of its grid, so the override would be ignored. Change the sweep instead, e.g. "
                            + "--set 'sweep.grids=[{" + axis.key() + " = [...], ...}]', or edit the job file");
                }
            }
        }
    }
}
