package ebmopt.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import ebmopt.config.ConfigError;
import ebmopt.config.RecordBinder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Expands a sweep into its trials: a pure, deterministic function of the sweep, the base
 * parameters and the experiment's parameter type. Every trial's parameters are bound and
 * validated here, on the driver, so a bad value fails before anything runs.
 */
public final class GridExpander {
    public static final String REPLICATE = "replicate";
    public static final String SEED = "seed";

    private GridExpander() {
    }

    /**
     * @param spec       the sweep
     * @param experiment the experiment's name (part of every identity)
     * @param base       the {@code params} block every trial starts from
     * @param paramsType the record the parameters bind to
     * @param cost       the experiment's cost estimate of a bound trial
     * @return the trials, in grid order, duplicates (same identity) removed
     */
    public static <P extends Record> List<TrialSpec> expand(SweepSpec spec, String experiment, Config base,
                                                              Class<P> paramsType, ToDoubleFunction<P> cost) {
        return expand(spec, experiment, base, paramsType, cost, (trial, params) -> { });
    }

    /**
     * {@link #expand(SweepSpec, String, Config, Class, ToDoubleFunction)}, handing each trial
     * kept (duplicates removed) to {@code bound} with its bound parameters, in order, so that
     * a caller needs not bind them again.
     */
    public static <P extends Record> List<TrialSpec> expand(SweepSpec spec, String experiment, Config base,
                                                              Class<P> paramsType, ToDoubleFunction<P> cost,
                                                              BiConsumer<TrialSpec, P> bound) {
        Set<String> paramKeys = RecordBinder.keys(paramsType);
        List<TrialSpec> trials = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int g = 0; g < spec.grids().size(); g++) {
            Grid grid = spec.grids().get(g);
            checkAxes(grid, g, experiment, paramKeys);
            for (Map<String, ConfigValue> point : points(grid, g)) {
                P params = params(point, base, paramsType);
                TrialSpec trial = trial(point, experiment, params, cost);
                if (seen.add(trial.trialId())) {
                    trials.add(trial);
                    bound.accept(trial, params);
                }
            }
        }
        return trials;
    }

    /** The parameters of one point: the base block with the point's parameter axes set, bound. */
    private static <P extends Record> P params(Map<String, ConfigValue> point, Config base, Class<P> paramsType) {
        Config params = base;
        for (Map.Entry<String, ConfigValue> e : point.entrySet()) {
            if (!e.getKey().equals(REPLICATE) && !e.getKey().equals(SEED)) {
                params = params.withValue(e.getKey(), e.getValue());
            }
        }
        return RecordBinder.bind(params, "params", paramsType);
    }

    private static <P extends Record> TrialSpec trial(Map<String, ConfigValue> point, String experiment, P bound,
                                                      ToDoubleFunction<P> cost) {
        int replicate = 0;
        Long seed = null;
        Map<String, String> shown = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> e : point.entrySet()) {
            ConfigValue value = e.getValue();
            shown.put(e.getKey(), String.valueOf(value.unwrapped()));
            switch (e.getKey()) {
                case REPLICATE -> replicate = (int) integral(value, REPLICATE, Integer.MAX_VALUE);
                case SEED -> seed = integral(value, SEED, Long.MAX_VALUE);
                default -> { }
            }
        }
        Map<String, Object> canonical = RecordBinder.toMap(bound);
        String text = TrialIdentity.identityText(experiment, RecordBinder.identityMap(bound), replicate, seed);
        long trialSeed = seed != null ? seed : TrialIdentity.derivedSeed(text);
        return new TrialSpec(TrialIdentity.id(text), experiment, replicate, trialSeed,
                TrialIdentity.canonicalJson(canonical), shown, cost.applyAsDouble(bound));
    }

    private static long integral(ConfigValue value, String axis, long max) {
        if (value.unwrapped() instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= 0 && n.doubleValue() <= max) {
            return n.longValue();
        }
        throw new ConfigError("Bad value for sweep axis " + ConfigError.where(axis, value.origin())
                + ": must be a non-negative integer, got " + ebmopt.config.Sections.concise(value));
    }

    private static void checkAxes(Grid grid, int index, String experiment, Set<String> paramKeys) {
        Set<String> allowed = new TreeSet<>(paramKeys);
        allowed.add(REPLICATE);
        allowed.add(SEED);
        for (Axis axis : grid.axes()) {
            if (!allowed.contains(axis.key())) {
                throw new ConfigError("Unknown sweep axis " + ConfigError.where("sweep.grids[" + index + "]."
                        + axis.key(), axis.origin()) + "; experiment " + experiment + " can sweep " + allowed);
            }
        }
    }

    /** The grid's points: the cross product of its units, a unit being one axis or one zip group. */
    private static List<Map<String, ConfigValue>> points(Grid grid, int index) {
        List<List<Map<String, ConfigValue>>> units = units(grid, index);
        List<Map<String, ConfigValue>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (List<Map<String, ConfigValue>> unit : units) {
            List<Map<String, ConfigValue>> next = new ArrayList<>(points.size() * unit.size());
            for (Map<String, ConfigValue> prefix : points) {
                for (Map<String, ConfigValue> step : unit) {
                    Map<String, ConfigValue> point = new LinkedHashMap<>(prefix);
                    point.putAll(step);
                    next.add(point);
                }
            }
            points = next;
        }
        return points;
    }

    private static List<List<Map<String, ConfigValue>>> units(Grid grid, int index) {
        Map<String, Axis> byKey = new LinkedHashMap<>();
        grid.axes().forEach(a -> byKey.put(a.key(), a));
        Set<String> zipped = new HashSet<>();
        List<List<Map<String, ConfigValue>>> units = new ArrayList<>();
        for (List<String> group : grid.zipGroups()) {
            int length = -1;
            for (String key : group) {
                Axis axis = byKey.get(key);
                String where = "sweep.grids[" + index + "].zip";
                if (axis == null) {
                    throw new ConfigError("The zip group " + group + " in " + ConfigError.where(where, grid.origin())
                            + " names '" + key + "', which is not an axis of that grid");
                }
                if (!zipped.add(key)) {
                    throw new ConfigError("The axis '" + key + "' is in two zip groups in "
                            + ConfigError.where(where, grid.origin()));
                }
                if (length >= 0 && axis.values().size() != length) {
                    throw new ConfigError("The zipped axes " + group + " in " + ConfigError.where(where, grid.origin())
                            + " have different lengths; zipped axes advance together and need equal lengths");
                }
                length = axis.values().size();
            }
            List<Map<String, ConfigValue>> unit = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                Map<String, ConfigValue> step = new LinkedHashMap<>();
                for (String key : group) {
                    step.put(key, byKey.get(key).values().get(i));
                }
                unit.add(step);
            }
            units.add(unit);
        }
        for (Axis axis : grid.axes()) {
            if (!zipped.contains(axis.key())) {
                List<Map<String, ConfigValue>> unit = new ArrayList<>();
                axis.values().forEach(v -> unit.add(Map.of(axis.key(), v)));
                units.add(unit);
            }
        }
        return units;
    }
}
