package ebmopt.cli;

import ebmopt.config.LoadRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line shared by every command:
 * {@code COMMAND [ARG] [--conf PROFILE] [--scale NAME] [--set key=value]... [--retry-failed] [--dry-run]},
 * and for {@code resample} also {@code --trial ID [--state FILE] [--vary key=v1,v2]...}.
 *
 * @param command    sweep | resample | publish | tables | sql | nightly | oracle | fetch-data
 * @param argument   the job file (sweep, resample), the table family (tables), the query (sql), the selection (nightly),
 *                   the task (oracle) or the task or "all" (fetch-data; default all)
 * @param profile    the conf/ profile; "local" when conf/local.conf exists and none is given
 * @param scale      the job scale, or null
 * @param overrides  key=value overrides, in order; --retry-failed and --dry-run add theirs
 * @param resample   resample's own options (empty for the other commands)
 */
record CliArgs(String command, String argument, String profile, String scale, List<String> overrides,
               ResampleOptions resample) {

    /**
     * @param trial a trial id, or a prefix of exactly one of the sweep's
     * @param state a saved state to read instead of the trial's own, or null
     * @param vary  "key=v1,v2" axes, in order
     */
    record ResampleOptions(String trial, String state, List<String> vary) {
        static final ResampleOptions NONE = new ResampleOptions(null, null, List.of());
    }

    /** The command that downloads task data. */
    static final String FETCH_DATA = "fetch-data";
    /** fetch-data's argument for every task's data (its default). */
    static final String ALL_TASKS = "all";

    static final String USAGE = """
            Usage: ebm-opt COMMAND [ARG] [options]

            Commands:
              sweep JOB.conf     run (or resume) the sweep a job file declares
              resample JOB.conf  sample a trained LEBM trial of the job's sweep again with other sampler
                                 settings, without retraining: --trial ID [--state FILE] [--vary key=v1,v2]...
              publish JOB.conf   copy the done trials of the job's sweep (trials, curves, candidates; no model
                                 states) with its resolved configuration into reference.published, the
                                 project's published results that tables all shows beside output.root's
              tables all         every reproduced table: Parquet, HTML report with plots, Markdown twin
              tables gaussian    aggregate result tables into the paper's tables (Parquet + Markdown)
              sql "QUERY"        run a Spark SQL query over the result tables (views: trials, curves, tables/*)
              nightly SEL.conf   the nightly reproduction of a job selection (jobs/nightly.conf); exit 3 on a regression
              oracle TASK        train (or check) a re-trained oracle in data.dir: oracle superconductor
              fetch-data [TASK]  download the Design-Bench files of TASK (tf-bind-8, tf-bind-10; default all)
                                 from data.source-url into data.dir, checking their SHA-256; files already
                                 there and valid are kept (docs/data.md)

            Options:
              --conf PROFILE     a profile from conf/ (local, cluster, ...) or a .conf path; default: local
              --scale NAME       apply the job file's scales.NAME block (e.g. ci: minutes instead of hours)
              --set key=value    override any configuration key (repeatable), e.g. --set output.root=/tmp/r
              --retry-failed     run again the trials recorded as failed or diverged
              --dry-run          validate and expand the sweep, print its trials, run nothing
              --trial ID         (resample) the trial: its id or a unique prefix (sweep --dry-run lists them)
              --state FILE       (resample) a saved state to use; default: the trial's kept final state
                                 (run.keep-final-state) or else its checkpoint
              --vary key=a,b     (resample) sampler keys to try, repeatable: their product is sampled;
                                 keys: sampler, sampler-start, candidates, sampler-steps, svgd-step-size,
                                 langevin-step-size, lambda1, lambda2, y-target

            Exit codes: 0 success, 1 runtime failure, 2 bad command line or configuration (before Spark
            starts), 3 nightly regression, 4 sweep not complete (a trial failed, diverged or is retryable)
            """;

    static CliArgs parse(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            throw new HelpRequested();
        }
        if (args.length == 0) {
            throw new UsageException(null);
        }
        String command = args[0];
        if (!List.of("sweep", "resample", "publish", "tables", "sql", "nightly", "oracle", FETCH_DATA).contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        String argument = null;
        String profile = null;
        String scale = null;
        List<String> overrides = new ArrayList<>();
        String trial = null;
        String state = null;
        List<String> vary = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (List.of("--trial", "--state", "--vary").contains(a) && !command.equals("resample")) {
                throw new UsageException(a + " is an option of resample, not of " + command);
            }
            switch (a) {
                case "--trial" -> trial = value(args, ++i, a);
                case "--state" -> state = value(args, ++i, a);
                case "--vary" -> vary.add(value(args, ++i, a));
                case "--conf" -> profile = value(args, ++i, a);
                case "--scale" -> scale = value(args, ++i, a);
                case "--set" -> overrides.add(value(args, ++i, a));
                case "--retry-failed" -> overrides.add("run.retry-failed=true");
                case "--dry-run" -> overrides.add("run.dry-run=true");
                default -> {
                    if (a.startsWith("--") || argument != null) {
                        throw new UsageException("unexpected argument '" + a + "'");
                    }
                    argument = a;
                }
            }
        }
        if (argument == null && command.equals(FETCH_DATA)) {
            argument = ALL_TASKS;
        }
        if (argument == null) {
            throw new UsageException(command + " needs an argument");
        }
        if (profile == null && Files.isRegularFile(Path.of("conf", "local.conf"))) {
            profile = "local";
        }
        if (command.equals("resample") && trial == null) {
            throw new UsageException("resample needs --trial ID (sweep JOB.conf --dry-run lists the trials)");
        }
        return new CliArgs(command, argument, profile, scale, overrides,
                command.equals("resample") ? new ResampleOptions(trial, state, List.copyOf(vary)) : ResampleOptions.NONE);
    }

    /** The configuration request; the job file only for the commands that take one. */
    LoadRequest request() {
        boolean job = command.equals("sweep") || command.equals("resample") || command.equals("publish");
        return new LoadRequest(profile, job ? Path.of(argument) : null, scale, overrides);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** A malformed command line; the message (or null) is printed above the usage. */
    /** {@code --help} or {@code -h} anywhere on the command line: the usage, and exit 0. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help requested");
        }
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message == null ? "" : message);
        }
    }
}
