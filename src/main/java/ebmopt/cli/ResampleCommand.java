package ebmopt.cli;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.Experiment;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.experiment.Resampling;
import ebmopt.results.CheckpointStore;
import ebmopt.results.ResultFiles;
import ebmopt.results.ResultLayout;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.sweep.TrialSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code resample JOB.conf --trial ID [--state FILE] [--vary key=v1,v2]...}: the trained model
 * of one trial of the job's sweep (its saved state) sampled again with each combination of
 * sampler settings, printed as a Markdown table and written as CSV under the sweep's
 * {@code resamples/} folder. Works for any experiment that offers {@link Resampling} (the
 * LEBM does). No Spark: one trial, on this machine.
 */
final class ResampleCommand {
    static final String DIR = "resamples";

    private ResampleCommand() {
    }

    static int run(CliArgs cli, PrintStream out) {
        SweepPlan plan = SweepPlan.load(cli.request());
        return run(cli, plan, ExperimentRegistry.get(plan.settings().job().experiment()), out);
    }

    private static <P extends Record> int run(CliArgs cli, SweepPlan plan, Experiment<P> experiment,
                                              PrintStream out) {
        Resampling<P> resampling = experiment.resampling().orElseThrow(() -> new CliArgs.UsageException(
                "resample samples trained models again; " + cli.argument() + " runs experiment " + experiment.name()
                        + ", which offers no resampling (those that do: " + resampleable() + ")"));
        TrialSpec trial = find(plan.trials(), cli.resample().trial());
        P trained = RecordBinder.bind(ConfigFactory.parseString(trial.paramsJson()), "params",
                experiment.paramsType());
        Map<String, List<String>> vary = axes(cli.resample().vary());
        List<String> variants = resampling.variants(trained, vary);

        Configuration hadoop = new Configuration();
        ResultLayout layout = SweepRunner.layout(plan, hadoop);
        CheckpointStore.Saved saved = state(cli.resample().state(), layout, trial.trialId(), hadoop);
        out.println("Resampling trial " + trial.trialId() + " (" + trial.describe() + ") from " + saved.file()
                + ": " + variants.size() + " sampler setting(s)");
        out.println();
        List<String> names = resampling.columns().stream().map(Resampling.Column::name).toList();
        out.println("| variant | trained_iterations | " + String.join(" | ", names) + " |");
        out.println("|" + " --- |".repeat(names.size() + 2));
        StringBuilder csv = new StringBuilder("variant,trained_iterations," + String.join(",", names)).append('\n');
        List<Resampling.Result> results;
        try {
            results = resampling.resample(trained, trial.seed(), saved.bytes(),
                    java.nio.file.Path.of(plan.settings().dataDir()), vary, r -> {
                        out.println(markdownRow(r, resampling.columns()));
                        out.flush();
                    });
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + saved.file() + " is not a state of trial " + trial.trialId()
                    + " as the job now defines it: " + e.getMessage());
            return 1;
        }
        results.forEach(r -> csv.append(csvRow(r, resampling.columns())).append('\n'));
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = new Path(new Path(layout.sweepDir(), DIR), trial.trialId() + "-it"
                + results.get(0).trainedIterations() + "-" + stamp + ".csv");
        ResultFiles.write(file.toString(), csv.toString(), hadoop);
        out.println();
        out.println("Written: " + file + " (" + resampling.legend() + ")");
        return 0;
    }

    private static List<String> resampleable() {
        return ExperimentRegistry.all().values().stream().filter(e -> e.resampling().isPresent())
                .map(Experiment::name).toList();
    }

    /** The trial whose id is {@code idOrPrefix} or starts with it; a usage error naming the candidates otherwise. */
    static TrialSpec find(List<TrialSpec> trials, String idOrPrefix) {
        List<TrialSpec> matches = trials.stream().filter(t -> t.trialId().startsWith(idOrPrefix)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        StringBuilder known = new StringBuilder();
        trials.forEach(t -> known.append("\n  ").append(t.trialId()).append("  ").append(t.describe()));
        throw new CliArgs.UsageException((matches.isEmpty() ? "no trial of this sweep has an id starting '"
                : "more than one trial's id starts '") + idOrPrefix + "'; its trials:" + known);
    }

    /** "lambda1=20,200" to lambda1 -> [20, 200], in order; a usage error for a malformed axis or a repeated key. */
    static Map<String, List<String>> axes(List<String> vary) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String axis : vary) {
            int eq = axis.indexOf('=');
            if (eq <= 0 || eq == axis.length() - 1) {
                throw new CliArgs.UsageException("--vary needs key=v1,v2,...; got '" + axis + "'");
            }
            String key = axis.substring(0, eq).trim();
            if (axes.put(key, Arrays.stream(axis.substring(eq + 1).split(",")).map(String::trim).toList()) != null) {
                throw new CliArgs.UsageException("--vary " + key + " given twice; list its values once: "
                        + key + "=v1,v2");
            }
        }
        return axes;
    }

    private static CheckpointStore.Saved state(String explicit, ResultLayout layout, String trialId,
                                               Configuration hadoop) {
        if (explicit != null) {
            Path file = new Path(explicit);
            byte[] bytes = CheckpointStore.read(file, hadoop).orElseThrow(() -> new CliArgs.UsageException(
                    "--state " + explicit + ": no such file"));
            return new CheckpointStore.Saved(file, bytes);
        }
        return CheckpointStore.mostTrained(layout, trialId, hadoop).orElseThrow(() -> new CliArgs.UsageException(
                "trial " + trialId + " has no saved state under " + layout.sweepDir() + ": a trial's state is kept "
                        + "while it trains and after an interruption (" + CheckpointStore.DIR + "/, every "
                        + "run.checkpoint-interval), and after its commit only when the sweep ran with "
                        + "run.keep-final-state = true (" + CheckpointStore.FINAL_DIR + "/)"));
    }

    private static String markdownRow(Resampling.Result r, List<Resampling.Column> columns) {
        StringBuilder row = new StringBuilder("| " + r.variant() + " | " + r.trainedIterations() + " |");
        for (int i = 0; i < columns.size(); i++) {
            row.append(' ').append(format(r.values()[i], columns.get(i).decimals())).append(" |");
        }
        return row.toString();
    }

    private static String csvRow(Resampling.Result r, List<Resampling.Column> columns) {
        StringBuilder row = new StringBuilder("\"" + r.variant() + "\"," + r.trainedIterations());
        for (int i = 0; i < columns.size(); i++) {
            row.append(',').append(format(r.values()[i], columns.get(i).decimals() == 0 ? 0 : 6));
        }
        return row.toString();
    }

    private static String format(double value, int decimals) {
        return decimals == 0 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%." + decimals + "f",
                value);
    }
}
