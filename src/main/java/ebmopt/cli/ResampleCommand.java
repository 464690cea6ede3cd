package ebmopt.cli;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;
import ebmopt.models.lebm.LebmParams;
import ebmopt.models.lebm.LebmResampler;
import ebmopt.results.CheckpointStore;
import ebmopt.results.ResultLayout;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.sweep.TrialSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code resample JOB.conf --trial ID [--state FILE] [--vary key=v1,v2]...}: the trained LEBM
 * of one trial of the job's sweep (its saved state) sampled again with each combination of
 * sampler settings, printed as a Markdown table and written as CSV under the sweep's
 * {@code resamples/} folder. No Spark: one trial, on this machine.
 */
final class ResampleCommand {
    static final String DIR = "resamples";
    private static final String HEADER = "variant,trained_iterations,score_p100,score_p75,score_p50,score_p25,"
            + "predicted_p100,predicted_p50,fit_term,prior_term,distinct_designs,sample_seconds";

    private ResampleCommand() {
    }

    static int run(CliArgs cli, PrintStream out) {
        SweepPlan plan = SweepPlan.load(cli.request());
        String experiment = plan.settings().job().experiment();
        if (!experiment.equals("lebm")) {
            throw new CliArgs.UsageException("resample samples trained latent EBMs (experiment lebm); "
                    + cli.argument() + " runs experiment " + experiment);
        }
        TrialSpec trial = find(plan.trials(), cli.resample().trial());
        LebmParams trained = RecordBinder.bind(ConfigFactory.parseString(trial.paramsJson()), "params",
                LebmParams.class);
        List<LebmResampler.Variant> variants = LebmResampler.variants(trained, axes(cli.resample().vary()));

        Configuration hadoop = new Configuration();
        ResultLayout layout = SweepRunner.layout(plan, hadoop);
        CheckpointStore.Saved saved = state(cli.resample().state(), layout, trial.trialId(), hadoop);
        out.println("Resampling trial " + trial.trialId() + " (" + trial.describe() + ") from " + saved.file()
                + ": " + variants.size() + " sampler setting(s), Q = " + trained.candidates() + " as trained");
        out.println();
        out.println("| variant | trained its | p100 | p75 | p50 | p25 | predicted p100 | predicted p50 | fit term "
                + "| prior term | distinct | seconds |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<LebmResampler.Result> results;
        try {
            results = LebmResampler.resample(trained, trial.seed(), saved.bytes(),
                    java.nio.file.Path.of(plan.settings().dataDir()), variants, r -> {
                        out.println(markdownRow(r));
                        out.flush();
                    });
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("error: " + saved.file() + " is not a state of trial " + trial.trialId()
                    + " as the job now defines it: " + e.getMessage());
            return 1;
        }
        results.forEach(r -> csv.append(csvRow(r)).append('\n'));
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = new Path(new Path(layout.sweepDir(), DIR), trial.trialId() + "-it"
                + results.get(0).trainedIterations() + "-" + stamp + ".csv");
        try (FSDataOutputStream stream = CheckpointStore.rawFileSystem(file, hadoop).create(file, true)) {
            stream.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("error: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println();
        out.println("Written: " + file + " (fit term: mean -lambda1 |y_max - g_y(z)|^2 at the particles; prior "
                + "term: mean lambda2 (sum_k f_k(z) - |z|^2/2); scores normalised as in the trials table)");
        return 0;
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

    private static String markdownRow(LebmResampler.Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f | %d | %.1f |",
                r.variant().label(), r.trainedIterations(), r.p100(), r.p75(), r.p50(), r.p25(), r.predictedP100(),
                r.predictedP50(), r.fitTerm(), r.priorTerm(), r.distinctDesigns(), r.seconds());
    }

    private static String csvRow(LebmResampler.Result r) {
        return String.format(Locale.ROOT, "\"%s\",%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%.3f",
                r.variant().label(), r.trainedIterations(), r.p100(), r.p75(), r.p50(), r.p25(), r.predictedP100(),
                r.predictedP50(), r.fitTerm(), r.priorTerm(), r.distinctDesigns(), r.seconds());
    }
}
