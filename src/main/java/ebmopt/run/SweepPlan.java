package ebmopt.run;

import com.typesafe.config.Config;
import ebmopt.config.ConfigLayers;
import ebmopt.config.LoadRequest;
import ebmopt.config.LoadedConfig;
import ebmopt.config.Sections;
import ebmopt.config.Settings;
import ebmopt.experiment.Experiment;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.sweep.AxisOverrides;
import ebmopt.sweep.GridExpander;
import ebmopt.sweep.SweepSpec;
import ebmopt.sweep.TrialSpec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep, ready to run: its configuration, settings and trials. Building one
 * runs every check there is, so a mistake fails here, before Spark starts (and in a dry
 * run): the configuration, the sweep's name and output folder, overrides of swept keys,
 * every trial's parameters, and the tasks and data files the trials read.
 *
 * @param config   the resolved configuration and its layers
 * @param settings the typed settings
 * @param trials   the expanded trials
 * @param params   trial id -> its parameters, bound to the experiment's record at expansion (the
 *                 driver's checks and preparation use them; executors bind their trial's again)
 */
public record SweepPlan(LoadedConfig config, Settings settings, List<TrialSpec> trials, Map<String, Record> params) {
    public SweepPlan {
        trials = List.copyOf(trials);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Loads, validates and expands. */
    public static SweepPlan load(LoadRequest request) {
        LoadedConfig loaded = ConfigLayers.load(request, ExperimentRegistry::defaults);
        Settings settings = Settings.from(loaded.config());
        Experiment<?> experiment = ExperimentRegistry.get(settings.job().experiment());
        SweepSpec spec = SweepSpec.parse(loaded.config());
        AxisOverrides.reject(spec, loaded.config());
        Map<String, Record> params = new LinkedHashMap<>();
        List<TrialSpec> trials = expand(experiment, spec, Sections.object(loaded.config(), "params"), params);
        SweepPlan plan = new SweepPlan(loaded, settings, trials, params);
        OutputRootCheck.check(settings.outputRoot(), plan.sweepName());
        InputCheck.check(experiment, plan, Path.of(settings.dataDir()));
        return plan;
    }

    /** The sweep's name as stored: the job name, suffixed by the scale when one was chosen. */
    public String sweepName() {
        return config.scale() == null ? settings.job().name() : settings.job().name() + "-" + config.scale();
    }

    /** The trials of {@code spec}, their bound parameters put into {@code bound} by trial id. */
    private static <P extends Record> List<TrialSpec> expand(Experiment<P> experiment, SweepSpec spec, Config params,
                                                             Map<String, Record> bound) {
        return GridExpander.expand(spec, experiment.name(), params, experiment.paramsType(), experiment::costEstimate,
                (trial, p) -> bound.put(trial.trialId(), p));
    }

    /** The bound parameters of each of {@code trials} (of this plan), typed as {@code experiment}'s. */
    <P extends Record> List<P> paramsOf(Experiment<P> experiment, List<TrialSpec> trials) {
        return trials.stream().map(t -> experiment.paramsType().cast(params.get(t.trialId()))).toList();
    }
}
