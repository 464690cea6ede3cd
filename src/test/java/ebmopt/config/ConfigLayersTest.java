package ebmopt.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.models.gaussian.GaussianObjective;
import ebmopt.models.gaussian.GaussianParams;
import ebmopt.models.gaussian.SampleRefresh;
import ebmopt.run.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configuration stack: which layer wins, what the experiment's defaults contribute, and
 * that every configuration mistake is a {@link ConfigError} naming the key and its file.
 * Fixture files are written into a temporary folder so that messages can be checked to
 * name them.
 */
class ConfigLayersTest {

    /** A minimal valid job: the name and experiment, nothing else. */
    private static final String MINIMAL_JOB = """
            job {
              name = layer-test
              experiment = gaussian
            }
            """;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- helpers

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static LoadedConfig load(String profile, Path job, String scale, String... overrides) {
        return ConfigLayers.load(new LoadRequest(profile, job, scale, List.of(overrides)),
                ExperimentRegistry::defaults);
    }

    private static SweepPlan plan(String profile, Path job, String scale, String... overrides) {
        return SweepPlan.load(new LoadRequest(profile, job, scale, List.of(overrides)));
    }

    private static GaussianParams params(SweepPlan plan) {
        assertEquals(1, plan.trials().size(), "a job without a sweep is one trial");
        Config json = ConfigFactory.parseString(plan.trials().get(0).paramsJson());
        return RecordBinder.bind(json, "params", GaussianParams.class);
    }

    /** Asserts that loading fails with a ConfigError whose message contains every fragment. */
    private static ConfigError fails(Executable load, String... fragments) {
        ConfigError error = assertThrows(ConfigError.class, load);
        String message = error.getMessage();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected the message to contain '" + fragment
                    + "' but it was:\n" + message);
        }
        return error;
    }

    // ---------------------------------------------------------------- layer order

    /**
     * One key per depth of the stack, each set at every layer up to some height: the value
     * seen must always be the one of the highest layer that sets it.
     */
    @Test
    void eachLayerOverridesTheOnesBelowIt() throws IOException {
        Path profile = write("profile.conf", """
                run.progress-interval = 11s
                run.trial-progress-interval = 31s
                spark.app-name = profile-app
                output.root = profile-root
                """);
        Path job = write("job.conf", MINIMAL_JOB + """
                run.progress-interval = 12s
                run.trial-progress-interval = 32s
                spark.app-name = job-app
                scales {
                  small {
                    run.progress-interval = 13s
                    run.trial-progress-interval = 33s
                  }
                }
                """);

        Settings s = Settings.from(load(profile.toString(), job, "small", "run.progress-interval=14s").config());

        assertAll(
                // set everywhere: the --set override wins
                () -> assertEquals(Duration.ofSeconds(14), s.run().progressInterval()),
                // set up to the scale block: the scale wins over the job file
                () -> assertEquals(Duration.ofSeconds(33), s.run().trialProgressInterval()),
                // set up to the job file: the job file wins over the profile
                () -> assertEquals("job-app", s.spark().appName()),
                // set up to the profile: the profile wins over the shipped defaults
                () -> assertEquals("profile-root", s.outputRoot()),
                // set only in the shipped defaults
                () -> assertEquals("local[*,3]", s.spark().master()),
                () -> assertFalse(s.run().dryRun()));
    }

    @Test
    void withoutTheScaleTheJobFileValueHolds() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB + """
                run.progress-interval = 12s
                scales.small.run.progress-interval = 13s
                """);
        assertEquals(Duration.ofSeconds(12), Settings.from(load(null, job, null).config()).run().progressInterval());
        assertEquals(Duration.ofSeconds(13), Settings.from(load(null, job, "small").config()).run().progressInterval());
    }

    @Test
    void laterOverridesWinOverEarlierOnes() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        Settings s = Settings.from(load(null, job, null,
                "run.progress-interval=1s", "run.progress-interval=2s").config());
        assertEquals(Duration.ofSeconds(2), s.run().progressInterval());
    }

    @Test
    void shippedDefaultsFillEveryBlock() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        Settings s = Settings.from(load(null, job, null).config());
        assertAll(
                () -> assertEquals("layer-test", s.job().name()),
                () -> assertEquals("gaussian", s.job().experiment()),
                () -> assertEquals("", s.job().description()),
                () -> assertEquals(Duration.ofSeconds(10), s.run().progressInterval()),
                () -> assertEquals(Duration.ofSeconds(30), s.run().trialProgressInterval()),
                () -> assertFalse(s.run().retryFailed()),
                () -> assertEquals("ebm-opt", s.spark().appName()),
                () -> assertEquals("false", s.spark().conf().get("spark.ui.showConsoleProgress")),
                () -> assertEquals("8", s.spark().conf().get("spark.sql.shuffle.partitions")));
    }

    /** Blocks merge key by key: a profile adding one Spark property keeps the shipped ones. */
    @Test
    void sparkConfMergesAcrossLayers() throws IOException {
        Path profile = write("profile.conf", """
                spark.conf { "spark.task.maxFailures" = "4", "spark.sql.shuffle.partitions" = "64" }
                """);
        Path job = write("job.conf", MINIMAL_JOB);
        Settings s = Settings.from(load(profile.toString(), job, null,
                "spark.conf.\"spark.ui.enabled\"=false").config());
        assertAll(
                () -> assertEquals("4", s.spark().conf().get("spark.task.maxFailures")),
                () -> assertEquals("64", s.spark().conf().get("spark.sql.shuffle.partitions")),
                () -> assertEquals("false", s.spark().conf().get("spark.ui.showConsoleProgress")),
                () -> assertEquals("false", s.spark().conf().get("spark.ui.enabled")));
    }

    @Test
    void layersAreListedLowestFirst() throws IOException {
        Path profile = write("profile.conf", "");
        Path job = write("job.conf", MINIMAL_JOB + "scales.small {}\n");
        LoadedConfig loaded = load(profile.toString(), job, "small", "run.dry-run=true");
        assertEquals(List.of("classpath:ebmopt/defaults.conf", profile.toString(), job.toString(),
                job + " scales.small", "override run.dry-run=true"), loaded.layers());
        assertEquals("small", loaded.scale());
        assertTrue(loaded.render().contains("dry-run"), loaded.render());
    }

    /** A profile given by name is conf/NAME.conf, relative to the working directory. */
    @Test
    void profileByNameComesFromConfFolder() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        LoadedConfig loaded = load("local", job, null);
        assertTrue(loaded.layers().contains(Path.of("conf", "local.conf").toString()), loaded.layers().toString());
        Settings s = Settings.from(loaded.config());
        assertEquals("127.0.0.1", s.spark().conf().get("spark.driver.host"));
    }

    @Test
    void scaleBlockDoesNotLeakIntoTheConfiguration() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB + "scales.small.run.dry-run = true\n");
        Config config = load(null, job, "small").config();
        assertFalse(config.hasPath("scales"), "the scales block is consumed, not merged");
        assertTrue(config.getBoolean("run.dry-run"));
    }

    // ---------------------------------------------------------------- params

    /** With no params block at all, the experiment's shipped defaults are the parameters. */
    @Test
    void experimentDefaultsFillParams() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        GaussianParams p = params(plan(null, job, null));
        assertAll(
                () -> assertEquals(GaussianObjective.N2CE, p.objective()),
                () -> assertEquals(1.0, p.noiseMagnitude()),
                () -> assertEquals(5, p.dim()),
                () -> assertEquals(List.of(-1.5, -0.75, 0.0, 0.75, 1.5), p.target()),
                () -> assertEquals(List.of(1.5, 0.75, 0.0, -0.75, -1.5), p.start()),
                () -> assertEquals(500, p.samples()),
                () -> assertEquals(0.2, p.stepSize()),
                () -> assertEquals(150, p.iterations()),
                () -> assertEquals(SampleRefresh.EVERY_ITERATION, p.sampleRefresh()),
                () -> assertEquals(1, p.curveEvery()));
    }

    /** params keys follow the same order; the experiment's defaults are below everything. */
    @Test
    void paramsFollowTheLayerOrder() throws IOException {
        Path profile = write("profile.conf", """
                params.samples = 11
                params.iterations = 21
                params.step-size = 0.5
                params.curve-every = 3
                """);
        Path job = write("job.conf", MINIMAL_JOB + """
                params { samples = 12, iterations = 22, step-size = 0.6 }
                scales.small.params { samples = 13, iterations = 23 }
                """);
        GaussianParams p = params(plan(profile.toString(), job, "small", "params.samples=14"));
        assertAll(
                () -> assertEquals(14, p.samples(), "override"),
                () -> assertEquals(23, p.iterations(), "scale block"),
                () -> assertEquals(0.6, p.stepSize(), "job file"),
                () -> assertEquals(3, p.curveEvery(), "profile"),
                () -> assertEquals(5, p.dim(), "experiment defaults"));
    }

    @Test
    void shippedJobFilesLoad() {
        SweepPlan quickstart = plan("local", Path.of("jobs/quickstart.conf"), null);
        assertEquals("quickstart", quickstart.sweepName());
        assertEquals(4 * 10 + 10, quickstart.trials().size());

        SweepPlan table14 = plan("local", Path.of("jobs/gaussian-table14-n500.conf"), "ci");
        assertEquals("gaussian-table14-n500-ci", table14.sweepName());
        assertEquals(8 * 20 + 20, table14.trials().size());
    }

    // ---------------------------------------------------------------- failures

    @Test
    void unknownTopLevelSectionNamesKeyAndFile() throws IOException {
        Path job = write("typo-section.conf", MINIMAL_JOB + "prams { samples = 3 }\n");
        fails(() -> load(null, job, null), "prams", job.toString(), "Unknown configuration section");
    }

    @Test
    void unknownTopLevelSectionInProfileNamesTheProfile() throws IOException {
        Path profile = write("bad-profile.conf", "sparks.master = \"local[2]\"\n");
        Path job = write("job.conf", MINIMAL_JOB);
        fails(() -> load(profile.toString(), job, null), "sparks", profile.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "spark", "job"})
    void unknownKeyInsideASettingsBlockNamesKeyAndFile(String block) throws IOException {
        Path job = write("unknown-" + block + ".conf", MINIMAL_JOB + block + ".no-such-key = 1\n");
        fails(() -> plan(null, job, null), block + ".no-such-key", job.toString(), "Unknown configuration key");
    }

    @Test
    void unknownKeyInParamsNamesKeyAndFile() throws IOException {
        Path job = write("unknown-param.conf", MINIMAL_JOB + "params.sample = 10\n");
        fails(() -> plan(null, job, null), "params.sample", job.toString(), "Unknown configuration key");
    }

    @Test
    void unknownKeyInSweepNamesKeyAndFile() throws IOException {
        Path job = write("unknown-sweep.conf", MINIMAL_JOB + "sweep.grid = []\n");
        fails(() -> plan(null, job, null), "sweep.grid", job.toString());
    }

    @Test
    void wrongTypeOfDurationNamesKeyAndFile() throws IOException {
        Path job = write("bad-duration.conf", MINIMAL_JOB + "run.progress-interval = \"abc\"\n");
        fails(() -> plan(null, job, null), "run.progress-interval", job.toString(), "Wrong type");
    }

    @Test
    void wrongTypeOfParamNamesKeyAndFile() throws IOException {
        Path job = write("bad-samples.conf", MINIMAL_JOB + "params.samples = \"many\"\n");
        fails(() -> plan(null, job, null), "params.samples", job.toString(), "Wrong type");
    }

    @Test
    void wrongTypeOfBooleanNamesKeyAndFile() throws IOException {
        Path job = write("bad-boolean.conf", MINIMAL_JOB + "run.dry-run = maybe\n");
        fails(() -> plan(null, job, null), "run.dry-run", job.toString());
    }

    @Test
    void badEnumNamesKeyFileAndChoices() throws IOException {
        Path job = write("bad-enum.conf", MINIMAL_JOB + "params.objective = nce\n");
        fails(() -> plan(null, job, null), "params.objective", job.toString(), "n2ce", "neg-reweight");
    }

    @Test
    void missingJobNameNamesKeyAndFile() throws IOException {
        Path job = write("nameless.conf", "job.experiment = gaussian\n");
        fails(() -> plan(null, job, null), "job.name", job.toString(), "Missing required");
    }

    @Test
    void missingExperimentNamesKey() throws IOException {
        Path job = write("no-experiment.conf", "job.name = x\n");
        fails(() -> plan(null, job, null), "job.experiment");
    }

    @Test
    void recordValidatorRejectionNamesKeyValueAndFile() throws IOException {
        Path job = write("small-m.conf", MINIMAL_JOB + "params.noise-magnitude = 0.5\n");
        fails(() -> plan(null, job, null), "params.noise-magnitude", "0.5", job.toString(), ">= 1");
    }

    @Test
    void crossFieldValidatorNamesKeyAndFile() throws IOException {
        Path job = write("nwj-m.conf", MINIMAL_JOB + "params { objective = nwj, noise-magnitude = 10 }\n");
        ConfigError error = fails(() -> plan(null, job, null), "params.noise-magnitude = 10", job.toString());
        // the validator names the objective by its constant (NWJ), not as written (nwj)
        assertTrue(error.getMessage().toLowerCase(java.util.Locale.ROOT).contains("objective nwj"), error.getMessage());
    }

    @Test
    void jobSettingsValidatorNamesKeyAndFile() throws IOException {
        Path job = write("bad-name.conf", "job { name = \"has space\", experiment = gaussian }\n");
        fails(() -> plan(null, job, null), "job.name", job.toString());
    }

    @Test
    void runSettingsValidatorNamesKeyAndFile() throws IOException {
        Path job = write("zero-interval.conf", MINIMAL_JOB + "run.progress-interval = 0s\n");
        fails(() -> plan(null, job, null), "run.progress-interval", job.toString(), "positive");
    }

    @Test
    void valueFromAnOverrideNamesTheOverride() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        fails(() -> plan(null, job, null, "params.noise-magnitude=0.5"),
                "params.noise-magnitude", "command-line override 'params.noise-magnitude=0.5'");
        fails(() -> plan(null, job, null, "run.progress-interval=abc"),
                "run.progress-interval", "command-line override 'run.progress-interval=abc'");
    }

    @Test
    void valueFromAScaleBlockNamesTheJobFile() throws IOException {
        Path job = write("bad-scale-value.conf", MINIMAL_JOB + "scales.ci.params.samples = 0\n");
        fails(() -> plan(null, job, "ci"), "params.samples", job.toString());
    }

    @Test
    void missingScaleNamesTheScaleTheFileAndTheKnownOnes() throws IOException {
        Path job = write("scaled.conf", MINIMAL_JOB + "scales { ci {}, tiny {} }\n");
        fails(() -> load(null, job, "huge"), "scales.huge", job.toString(), "[ci, tiny]");
    }

    @Test
    void scaleOfAJobWithoutScales() throws IOException {
        Path job = write("unscaled.conf", MINIMAL_JOB);
        fails(() -> load(null, job, "ci"), "scales.ci", job.toString(), "none");
    }

    @Test
    void missingJobFileNamesTheFile() {
        Path job = dir.resolve("no-such-job.conf");
        fails(() -> load(null, job, null), "job file", job.toAbsolutePath().toString(), "does not exist");
    }

    @Test
    void missingProfileFileNamesTheFile() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        Path profile = dir.resolve("no-such-profile.conf");
        fails(() -> load(profile.toString(), job, null), "profile", profile.toAbsolutePath().toString(),
                "does not exist");
    }

    @Test
    void missingProfileByNameNamesConfFile() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        fails(() -> load("no-such-profile", job, null),
                Path.of("conf", "no-such-profile.conf").toAbsolutePath().toString(), "does not exist");
    }

    @Test
    void unparseableJobFileNamesTheFile() throws IOException {
        Path job = write("broken.conf", MINIMAL_JOB + "params { samples = \n");
        fails(() -> load(null, job, null), job.toString(), "Cannot parse");
    }

    @Test
    void overrideWithoutEqualsSignIsRejected() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        fails(() -> load(null, job, null, "run.dry-run"), "run.dry-run", "key=value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"run.progress-interval=", "=5", "params.target=[1, 2", "a b = = c"})
    void unparseableOverrideIsRejected(String override) throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        fails(() -> load(null, job, null, override), override);
    }

    @Test
    void overrideOfAnUnknownSectionIsRejected() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        fails(() -> load(null, job, null, "nope.x=1"), "nope", "command-line override 'nope.x=1'");
    }

    @Test
    void unresolvedSubstitutionIsAConfigError() throws IOException {
        Path job = write("subst.conf", MINIMAL_JOB + "output.root = ${no.such.path}\n");
        fails(() -> load(null, job, null), "no.such.path");
    }

    @Test
    void unknownExperimentNamesTheKey() throws IOException {
        Path job = write("unknown-experiment.conf", "job { name = x, experiment = nope }\n");
        fails(() -> plan(null, job, null), "nope", "job.experiment", "gaussian");
    }

    /**
     * MAIN-CODE BUG (see the report): a section that is not an object escapes as
     * com.typesafe.config.ConfigException.WrongType from Config.getConfig (Settings.from,
     * SweepPlan.load, SweepSpec.parse) instead of a ConfigError, so the CLI prints a stack trace.
     */
    @ParameterizedTest
    @ValueSource(strings = {"params = 5", "run = 5", "spark = 5", "sweep = 5", "output = 5"})
    void sectionThatIsNotAnObjectIsAConfigError(String assignment) throws IOException {
        Path job = write("scalar-section.conf", MINIMAL_JOB + assignment + "\n");
        fails(() -> plan(null, job, null), assignment.substring(0, assignment.indexOf(' ')), job.toString());
    }

    /**
     * MAIN-CODE BUG (see the report): ConfigLayers.load reads job.experiment before resolving
     * substitutions, so valid HOCON fails with ConfigException.NotResolved.
     */
    @Test
    void experimentMayComeFromASubstitution() throws IOException {
        Path job = write("subst-experiment.conf", "job { name = x, description = gaussian, "
                + "experiment = ${job.description} }\n");
        assertEquals("gaussian", plan(null, job, null).settings().job().experiment());
    }

    /** MAIN-CODE BUG (see the report): escapes as ConfigException.WrongType from ConfigLayers.load. */
    @Test
    void experimentOfTheWrongTypeIsAConfigError() throws IOException {
        Path job = write("list-experiment.conf", "job { name = x, experiment = [gaussian] }\n");
        fails(() -> plan(null, job, null), "job.experiment", job.toString());
    }

    @Test
    void noProfileNoJobIsOnlyTheDefaults() {
        LoadedConfig loaded = load(null, null, null);
        assertEquals(List.of("classpath:ebmopt/defaults.conf"), loaded.layers());
        assertNull(loaded.scale());
        assertFalse(loaded.config().hasPath("params"));
        Settings s = Settings.withoutJob(loaded.config());
        assertEquals("none", s.job().name());
    }

    // ---------------------------------------------------------------- names, unquoted values, swept keys

    @ParameterizedTest
    @ValueSource(strings = {"local[2]", "local[*,3]", "local[*]"})
    void anUnquotedSparkMasterIsTakenAsAString(String master) throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        LoadedConfig loaded = load(null, job, null, "spark.master=" + master, "params.samples=7",
                "params.target=[1, 2]");
        assertEquals(master, Settings.from(loaded.config()).spark().master());
        assertEquals(7, loaded.config().getInt("params.samples"), "a number still parses as a number");
        assertEquals(List.of(1, 2), loaded.config().getIntList("params.target"), "a list still parses as a list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", "-x", ".hidden"})
    void aJobNameThatIsNotOneFolderNameIsRejected(String name) throws IOException {
        Path job = write("job.conf", MINIMAL_JOB);
        fails(() -> plan(null, job, null, "job.name=\"" + name + "\""), "job.name", name, PathNames.ALLOWED);
    }

    @Test
    void aScaleThatIsNotOneFolderNameIsRejected() throws IOException {
        Path job = write("job.conf", MINIMAL_JOB + "scales { \"q/../../x\" { params.samples = 3 } }\n");
        fails(() -> load(null, job, "q/../../x"), "--scale", "q/../../x", PathNames.ALLOWED);
    }

    @Test
    void anOverrideOfASweptKeyNamesTheGridAndTheWayOut() throws IOException {
        Path job = write("swept.conf", MINIMAL_JOB + """
                sweep.grids = [
                  { objective = [nwj], replicate = [0] }
                  { noise-magnitude = [1, 10], replicate = [0] }
                ]
                """);
        fails(() -> plan(null, job, null, "params.noise-magnitude=5"), "params.noise-magnitude",
                "sweep.grids[1].noise-magnitude", job.toString(), "--set 'sweep.grids=");
        assertEquals(3, plan(null, job, null, "params.samples=5").trials().size(), "an unswept key may be set");
    }
}
