package ebmopt.cli;

import com.typesafe.config.ConfigException;
import ebmopt.config.ConfigError;
import ebmopt.config.ConfigLayers;
import ebmopt.config.InvalidParameterException;
import ebmopt.config.LoadedConfig;
import ebmopt.config.Settings;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.nightly.NightlyRun;
import ebmopt.oracle.TrainedOracles;
import ebmopt.report.GaussianMarkdown;
import ebmopt.report.GaussianTables;
import ebmopt.report.PaperFigures;
import ebmopt.report.ReportJob;
import ebmopt.report.ReportSummary;
import ebmopt.report.SweepSummary;
import ebmopt.results.PublishedResults;
import ebmopt.results.ResultFiles;
import ebmopt.results.ResultLayout;
import ebmopt.results.ResultTables;
import ebmopt.results.SweepLockedException;
import ebmopt.run.SparkSessions;
import ebmopt.run.SweepFailedException;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepReport;
import ebmopt.run.SweepRunner;
import ebmopt.run.TrialSummary;
import ebmopt.sweep.TrialSpec;
import ebmopt.tasks.DataFetch;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The command-line entry point: {@code sweep}, {@code resample}, {@code publish}, {@code tables}, {@code sql}, {@code nightly},
 * {@code oracle} and {@code fetch-data}. A thin shell
 * over the run, results and report packages; the same on a laptop and under spark-submit.
 * Exit codes: 0 success, 1 runtime failure, 2 bad command line or configuration (missing or
 * corrupt task data and an unusable local output root included), 3 a nightly regression,
 * 4 a sweep that is not complete: a trial of this run failed, diverged or was retryable, or a
 * trial is kept failed or diverged from an earlier run.
 */
public final class Main {
    /** The exit code of a sweep with trials failed, diverged or retryable ({@link SweepReport#complete()}). */
    static final int TRIALS_FAILED = 4;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        CliArgs cli;
        try {
            cli = CliArgs.parse(args);
            return switch (cli.command()) {
                case "sweep" -> sweep(cli, out);
                case "resample" -> ResampleCommand.run(cli, out);
                case "publish" -> publish(cli, out);
                case "tables" -> tables(cli, out);
                case "nightly" -> nightly(cli, out);
                case "oracle" -> oracle(cli, out);
                case CliArgs.FETCH_DATA -> fetchData(cli, out);
                default -> sql(cli, out);
            };
        } catch (CliArgs.HelpRequested e) {
            out.print(CliArgs.USAGE);
            return 0;
        } catch (CliArgs.UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println("error: " + e.getMessage());
            }
            System.err.print(CliArgs.USAGE);
            return 2;
        } catch (ConfigError | InvalidParameterException | ConfigException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (SweepLockedException | SweepFailedException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            System.err.println("error: " + e.getMessage() + ": " + e.getCause());
            return 1;
        }
    }

    private static int sweep(CliArgs cli, PrintStream out) {
        SweepPlan plan = SweepPlan.load(cli.request());
        if (plan.settings().run().dryRun()) {
            out.println("Sweep " + plan.sweepName() + " (experiment " + plan.settings().job().experiment() + "): "
                    + plan.trials().size() + " trials; configuration layers " + plan.config().layers());
            for (TrialSpec t : plan.trials()) {
                out.println("  " + t.trialId() + "  seed " + t.seed() + "  " + t.describe());
            }
            return 0;
        }
        try (SparkSession spark = SparkSessions.create(plan.settings().spark())) {
            SweepReport report = SweepRunner.run(spark, plan);
            out.println();
            out.println("Sweep " + plan.sweepName() + ": " + report.total() + " trials; this run: "
                    + report.count("done") + " done, " + report.count("failed") + " failed, "
                    + report.count("diverged") + " diverged, " + report.count("retryable") + " retryable; skipped "
                    + report.alreadyDone() + " already done and " + report.keptFailed() + " recorded failures; "
                    + String.format("%.1f", report.wallSeconds()) + " s");
            for (TrialSummary s : report.unsuccessful()) {
                out.println("  " + s.status() + ": " + s.trialId() + " (" + s.describe() + "): " + s.error());
            }
            out.println();
            out.print(SweepSummary.render(spark, report.layout(), plan.trials()));
            out.println();
            out.println("Results: " + report.layout().sweepDir() + " (tables trials, curves, candidates; resolved "
                    + "configuration in sweep.conf)");
            out.println("Query them: submit/sql \"SELECT status, count(*) FROM trials WHERE sweep = '"
                    + plan.sweepName() + "' GROUP BY status\"");
            if (!report.complete()) {
                out.println(incomplete(report));
                return TRIALS_FAILED;
            }
        }
        return 0;
    }

    /** Publishes the done trials of the job's sweep into reference.published. */
    private static int publish(CliArgs cli, PrintStream out) {
        SweepPlan plan = SweepPlan.load(cli.request());
        String dir = plan.settings().publishedDir();
        if (dir.isEmpty()) {
            throw new ConfigError("reference.published is empty: there is nowhere to publish to");
        }
        try (SparkSession spark = SparkSessions.create(plan.settings().spark())) {
            ResultLayout layout = SweepRunner.layout(plan, spark.sparkContext().hadoopConfiguration());
            long trials;
            try {
                trials = PublishedResults.publish(spark, layout, dir);
            } catch (IllegalStateException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
            out.println("Published " + trials + " done trials of " + plan.sweepName() + " (of " + plan.trials().size()
                    + " planned) into " + dir + "/" + plan.sweepName() + "; commit that folder to ship them");
        }
        return 0;
    }

    /** The last line of a sweep that is not complete: what failed, the first error, and the exit code. */
    private static String incomplete(SweepReport report) {
        List<TrialSummary> failed = report.unsuccessful();
        StringBuilder line = new StringBuilder("Incomplete: ").append(failed.size())
                .append(" trial(s) of this run failed, diverged or were retryable");
        if (!failed.isEmpty()) {
            TrialSummary first = failed.get(0);
            line.append(" (first: ").append(first.status()).append(' ').append(first.trialId()).append(": ")
                    .append(first.error()).append(')');
        }
        return line.append("; ").append(report.keptFailed()).append(" kept failed or diverged from earlier runs "
                + "(--retry-failed runs them again; retryable trials rerun unasked); exit code ").append(TRIALS_FAILED)
                .toString();
    }

    private static int tables(CliArgs cli, PrintStream out) {
        if (cli.argument().equals("all")) {
            return report(cli, out);
        }
        if (!cli.argument().equals(GaussianTables.TABLE)) {
            throw new CliArgs.UsageException("unknown table family '" + cli.argument() + "'; known: all, gaussian");
        }
        Settings settings = settings(cli);
        try (SparkSession spark = SparkSessions.create(settings.spark())) {
            List<GaussianTables.Line> lines = GaussianTables.build(spark, settings.outputRoot(),
                    PaperFigures.fromSetting(settings.referenceDir()));
            String markdown = GaussianMarkdown.render(lines);
            String file = ResultFiles.aggregatedTable(settings.outputRoot(), GaussianTables.TABLE) + ".md";
            ResultFiles.write(file, markdown, spark.sparkContext().hadoopConfiguration());
            out.print(markdown);
            out.println();
            out.println("Written: " + file + " and the Parquet table "
                    + ResultFiles.aggregatedTable(settings.outputRoot(), GaussianTables.TABLE));
        }
        return 0;
    }

    /** Trains a re-trained oracle on the driver (or checks its cache) and says where it is and how good. */
    private static int oracle(CliArgs cli, PrintStream out) {
        if (!TrainedOracles.TASKS.contains(cli.argument())) {
            throw new CliArgs.UsageException("no re-trained oracle for '" + cli.argument() + "'; known: "
                    + TrainedOracles.TASKS + " (the other tasks' oracles are exact)");
        }
        Settings settings = settings(cli);
        try (SparkSession spark = SparkSessions.create(settings.spark())) {
            TrainedOracles.Result r = TrainedOracles.ensure(spark, cli.argument(),
                    java.nio.file.Path.of(settings.dataDir()));
            out.println(cli.argument() + " oracle (re-trained random forest, not exact): " + (r.trained()
                    ? "trained" : "already trained") + "; " + r.oracle().forest().trees().size() + " trees fitted on "
                    + r.oracle().trainingRows() + " rows; Spearman rank correlation on " + r.oracle().validationRows()
                    + " held-out rows: " + String.format("%.3f", r.oracle().validationSpearman()));
            out.println("Cache: " + r.cache());
            out.println("Trained as: " + r.oracle().description());
        } catch (ebmopt.tasks.TaskDataException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Downloads the Design-Bench files of one task or all into data.dir, verifying their checksums. */
    private static int fetchData(CliArgs cli, PrintStream out) {
        List<String> tasks = cli.argument().equals(CliArgs.ALL_TASKS) ? DataFetch.tasks() : List.of(cli.argument());
        if (!DataFetch.tasks().containsAll(tasks)) {
            throw new CliArgs.UsageException("no data to fetch for '" + cli.argument() + "'; known: "
                    + CliArgs.ALL_TASKS + ", " + String.join(", ", DataFetch.tasks())
                    + " (superconductor reads a user-supplied CSV: docs/data.md)");
        }
        Settings settings = settings(cli);
        java.nio.file.Path dataDir = java.nio.file.Path.of(settings.dataDir());
        out.println("Fetching " + String.join(", ", tasks) + " from " + settings.dataSourceUrl() + " into "
                + dataDir.toAbsolutePath());
        DataFetch.Outcome outcome;
        try {
            outcome = new DataFetch(dataDir, settings.dataSourceUrl(), out).fetch(tasks);
        } catch (IllegalArgumentException e) {
            throw new ConfigError(e.getMessage(), e);
        } catch (ebmopt.tasks.TaskDataException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        out.println("Done: " + outcome.fetched().size() + " fetched, " + outcome.present().size()
                + " already present; data.dir = " + dataDir.toAbsolutePath());
        return 0;
    }

    /** Every reproduced table: Parquet, the HTML report with plots, its Markdown twin, SQL view scripts. */
    private static int report(CliArgs cli, PrintStream out) {
        Settings settings = settings(cli);
        try (SparkSession spark = SparkSessions.create(settings.spark())) {
            ReportJob.Result result = ReportJob.run(spark, settings.outputRoot(), settings.publishedDir(),
                    PaperFigures.fromSetting(settings.referenceDir()), "Reproduced tables", "", "");
            out.print(ReportSummary.render(result.tables()));
            out.println();
            out.println("Report: " + result.reportDir() + "/index.html (Markdown twin: report.md; plots: *.png)");
            out.println("Cells as Parquet: " + settings.outputRoot() + "/" + ResultTables.TABLES_DIR + "/"
                    + ReportJob.TABLE + "; views for spark-sql / spark-shell: " + settings.outputRoot()
                    + "/views.sql, views.scala");
        }
        return 0;
    }

    /** The nightly reproduction; exit code 3 on a regression. EBMOPT_NIGHTLY_DATE overrides today (UTC). */
    private static int nightly(CliArgs cli, PrintStream out) {
        Settings settings = settings(cli);
        String date = System.getenv("EBMOPT_NIGHTLY_DATE");
        NightlyRun.Request request = new NightlyRun.Request(cli.profile(), java.nio.file.Path.of(cli.argument()),
                cli.overrides(), date == null || date.isEmpty() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date),
                settings.outputRoot(), PaperFigures.fromSetting(settings.referenceDir()));
        try (SparkSession spark = SparkSessions.create(settings.spark())) {
            return NightlyRun.run(spark, request, out).exitCode();
        }
    }

    private static int sql(CliArgs cli, PrintStream out) {
        Settings settings = settings(cli);
        try (SparkSession spark = SparkSessions.create(settings.spark())) {
            List<String> views = ResultTables.registerViews(spark, settings.outputRoot());
            if (views.isEmpty()) {
                System.err.println("error: no result tables under " + settings.outputRoot() + ": run a sweep first");
                return 1;
            }
            System.err.println("Tables: " + String.join(", ", views) + " (from " + settings.outputRoot() + ")");
            out.println(spark.sql(cli.argument()).showString(1000, 0, false));
        }
        return 0;
    }

    private static Settings settings(CliArgs cli) {
        LoadedConfig loaded = ConfigLayers.load(cli.request(), ExperimentRegistry::defaults);
        return Settings.withoutJob(loaded.config());
    }
}
