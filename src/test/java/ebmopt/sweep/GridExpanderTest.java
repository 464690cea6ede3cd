package ebmopt.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import ebmopt.config.ConfigError;
import ebmopt.config.LoadRequest;
import ebmopt.config.RecordBinder;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep expansion against the registered "gaussian" experiment: grid shapes, zip groups,
 * ranges, unions, de-duplication, identities and seeds, and validation of every point.
 * Sweeps are written to files in a temporary folder so that messages can be checked to
 * name the file.
 */
class GridExpanderTest {
    private static final String EXPERIMENT = "gaussian";

    @TempDir
    Path dir;

    private int files;

    // ---------------------------------------------------------------- helpers

    /** Writes {@code text} to a fresh file and parses it, so every value's origin is that file. */
    private Config file(String text) throws IOException {
        Path file = dir.resolve("sweep-" + (files++) + ".conf");
        Files.writeString(file, text);
        return ConfigFactory.parseFile(file.toFile());
    }

    private Path lastFile() {
        return dir.resolve("sweep-" + (files - 1) + ".conf");
    }

    /** The gaussian defaults under whatever {@code params} the configuration sets. */
    private static Config base(Config config) {
        Config defaults = ExperimentRegistry.defaults(EXPERIMENT);
        return config.hasPath("params") ? config.getConfig("params").withFallback(defaults) : defaults;
    }

    private static List<TrialSpec> expand(Config config) {
        return expand(config, EXPERIMENT);
    }

    private static List<TrialSpec> expand(Config config, String experiment) {
        return GridExpander.expand(SweepSpec.parse(config), experiment, base(config), GaussianParams.class,
                p -> p.samples() * (double) p.iterations());
    }

    /** Expands {@code sweep.grids = [GRIDS]} (plus any extra text) written to a file. */
    private List<TrialSpec> grids(String grids, String... extra) throws IOException {
        return expand(file("sweep.grids = [\n" + grids + "\n]\n" + String.join("\n", extra)));
    }

    private static GaussianParams bound(TrialSpec trial) {
        return RecordBinder.bind(ConfigFactory.parseString(trial.paramsJson()), "params", GaussianParams.class);
    }

    private static <T> List<T> each(List<TrialSpec> trials, Function<GaussianParams, T> field) {
        return trials.stream().map(GridExpanderTest::bound).map(field).toList();
    }

    private static ConfigError fails(Executable expand, String... fragments) {
        ConfigError error = assertThrows(ConfigError.class, expand);
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment),
                    () -> "expected '" + fragment + "' in:\n" + error.getMessage());
        }
        return error;
    }

    // ---------------------------------------------------------------- shapes

    @Test
    void noSweepIsOneTrialOfTheBaseParameters() throws IOException {
        List<TrialSpec> trials = expand(file("params.samples = 7\n"));
        assertEquals(1, trials.size());
        TrialSpec t = trials.get(0);
        assertAll(
                () -> assertEquals(EXPERIMENT, t.experiment()),
                () -> assertEquals(0, t.replicate()),
                () -> assertEquals(Map.of(), t.axes()),
                () -> assertEquals("", t.describe()),
                () -> assertEquals(7, bound(t).samples()),
                () -> assertEquals(7.0 * 150, t.cost()));
    }

    @Test
    void emptyGridListIsOneTrial() throws IOException {
        assertEquals(1, grids("").size());
        assertEquals(1, grids("{}").size());
    }

    @Test
    void crossProductHasEveryCombinationInKeyOrder() throws IOException {
        List<TrialSpec> trials = grids("{ samples = [2, 3], noise-magnitude = [1, 10, 100], objective = [n2ce] }");
        assertEquals(3 * 2, trials.size());
        // Axes are crossed in key order: noise-magnitude outermost, samples innermost.
        List<String> expected = List.of(
                "noise-magnitude=1 objective=n2ce samples=2", "noise-magnitude=1 objective=n2ce samples=3",
                "noise-magnitude=10 objective=n2ce samples=2", "noise-magnitude=10 objective=n2ce samples=3",
                "noise-magnitude=100 objective=n2ce samples=2", "noise-magnitude=100 objective=n2ce samples=3");
        assertEquals(expected, trials.stream().map(TrialSpec::describe).toList());
        assertEquals(List.of(1.0, 1.0, 10.0, 10.0, 100.0, 100.0), each(trials, GaussianParams::noiseMagnitude));
        assertEquals(List.of(2, 3, 2, 3, 2, 3), each(trials, GaussianParams::samples));
        assertEquals(6, trials.stream().map(TrialSpec::trialId).distinct().count());
    }

    @Test
    void zipGroupAdvancesTogether() throws IOException {
        List<TrialSpec> trials = grids("""
                { noise-magnitude = [1, 10, 100], samples = [2, 3, 4], replicate = [0, 1],
                  zip = [[noise-magnitude, samples]] }
                """);
        assertEquals(3 * 2, trials.size(), "the zipped pair is one axis of three, crossed with two replicates");
        assertEquals(List.of(1.0, 1.0, 10.0, 10.0, 100.0, 100.0), each(trials, GaussianParams::noiseMagnitude));
        assertEquals(List.of(2, 2, 3, 3, 4, 4), each(trials, GaussianParams::samples));
        assertEquals(List.of(0, 1, 0, 1, 0, 1), trials.stream().map(TrialSpec::replicate).toList());
    }

    @Test
    void twoZipGroupsAreCrossedWithEachOther() throws IOException {
        List<TrialSpec> trials = grids("""
                { noise-magnitude = [1, 10], samples = [2, 3], iterations = [5, 6, 7], curve-every = [0, 1, 2],
                  zip = [[noise-magnitude, samples], [iterations, curve-every]] }
                """);
        assertEquals(2 * 3, trials.size());
        Set<List<Object>> seen = trials.stream().map(GridExpanderTest::bound)
                .map(p -> List.<Object>of(p.noiseMagnitude(), p.samples(), p.iterations(), p.curveEvery()))
                .collect(Collectors.toSet());
        Set<List<Object>> expected = new HashSet<>();
        for (List<Object> a : List.of(List.<Object>of(1.0, 2), List.<Object>of(10.0, 3))) {
            for (List<Object> b : List.of(List.<Object>of(5, 0), List.<Object>of(6, 1), List.<Object>of(7, 2))) {
                expected.add(List.of(a.get(0), a.get(1), b.get(0), b.get(1)));
            }
        }
        assertEquals(expected, seen);
    }

    @Test
    void zipOfDifferentLengthsFailsNamingTheZipAndFile() throws IOException {
        Config config = file("sweep.grids = [ { samples = [2, 3], iterations = [5], zip = [[samples, iterations]] } ]");
        fails(() -> expand(config), "sweep.grids[0].zip", "different lengths", lastFile().toString());
    }

    @Test
    void zipOfAMissingAxisFailsNamingItAndFile() throws IOException {
        Config config = file("sweep.grids = [ { samples = [2, 3], zip = [[samples, iterations]] } ]");
        fails(() -> expand(config), "'iterations'", "sweep.grids[0].zip", lastFile().toString());
    }

    @Test
    void axisInTwoZipGroupsFails() throws IOException {
        Config config = file("sweep.grids = [ { samples = [2], dim = [1], zip = [[samples], [samples, dim]] } ]");
        fails(() -> expand(config), "'samples'", "two zip groups", "sweep.grids[0].zip");
    }

    @Test
    void zipThatIsNotAListOfListsFails() throws IOException {
        Config config = file("sweep.grids = [ { samples = [2], zip = [samples] } ]");
        fails(() -> SweepSpec.parse(config), "sweep.grids[0].zip", lastFile().toString());
    }

    @Test
    void unionOfGridsInGridOrder() throws IOException {
        List<TrialSpec> trials = grids("""
                { objective = [n2ce], noise-magnitude = [1, 10] }
                { objective = [nwj] }
                { objective = [mle], samples = [1, 2] }
                """);
        assertEquals(2 + 1 + 2, trials.size());
        assertEquals(List.of(GaussianObjective.N2CE, GaussianObjective.N2CE, GaussianObjective.NWJ,
                GaussianObjective.MLE, GaussianObjective.MLE), each(trials, GaussianParams::objective));
        assertEquals(List.of(500, 500, 500, 1, 2), each(trials, GaussianParams::samples));
    }

    @Test
    void rangeWithStepExcludesUntil() throws IOException {
        List<TrialSpec> trials = grids("{ replicate = {from = 2, until = 9, step = 3} }");
        assertEquals(List.of(2, 5, 8), trials.stream().map(TrialSpec::replicate).toList());
    }

    @Test
    void rangeStepDefaultsToOne() throws IOException {
        List<TrialSpec> trials = grids("{ samples = {from = 1, until = 4} }");
        assertEquals(List.of(1, 2, 3), each(trials, GaussianParams::samples));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{from = 3, until = 3}", "{from = 0, until = 5, step = 0}", "{from = 0, step = 1}",
            "{from = 0, until = 5, stride = 1}"})
    void badRangeFailsNamingTheAxisAndFile(String range) throws IOException {
        Config config = file("sweep.grids = [ { replicate = " + range + " } ]");
        fails(() -> SweepSpec.parse(config), "Bad sweep range", "sweep.grids[0].replicate", lastFile().toString());
    }

    @Test
    void emptyAxisFails() throws IOException {
        Config config = file("sweep.grids = [ { samples = [] } ]");
        fails(() -> SweepSpec.parse(config), "sweep.grids[0].samples", lastFile().toString());
    }

    @Test
    void scalarAxisFails() throws IOException {
        Config config = file("sweep.grids = [ { samples = 3 } ]");
        fails(() -> SweepSpec.parse(config), "sweep.grids[0].samples", lastFile().toString());
    }

    // ---------------------------------------------------------------- identity and seeds

    @Test
    void expansionIsDeterministic() throws IOException {
        String text = """
                sweep.grids = [
                  { objective = [n2ce], noise-magnitude = [1, 10, 1e9], replicate = {from = 0, until = 4} }
                  { objective = [nwj], replicate = {from = 0, until = 4} }
                ]
                """;
        List<TrialSpec> first = expand(file(text));
        List<TrialSpec> second = expand(file(text));
        assertEquals(3 * 4 + 4, first.size());
        assertEquals(first, second, "same ids, seeds, params and order");
        assertEquals(first.stream().map(TrialSpec::trialId).toList(), second.stream().map(TrialSpec::trialId).toList());
        assertEquals(first.stream().map(TrialSpec::seed).toList(), second.stream().map(TrialSpec::seed).toList());
    }

    /**
     * Pins the identity scheme. These values were computed once from the current code
     * (gaussian defaults, replicate 0, no explicit seed) and checked independently: the id is
     * the first 16 hex digits of SHA-256("trial:" + text) and the seed the first 8 bytes of
     * SHA-256("seed:" + text), big-endian, sign bit cleared, where text is
     * {"experiment":"gaussian","params":PARAMS_JSON,"replicate":0,"seed":null}.
     * Results already on disk are keyed by such ids, and resume and de-duplication depend on
     * them: if this test fails, the identity or seed scheme (TrialIdentity, RecordBinder.toMap,
     * the canonical JSON or the gaussian parameters) has changed, which orphans every stored
     * result. Change the pinned values only for a deliberate, announced break.
     */
    @Test
    void identityAndSeedArePinned() throws IOException {
        TrialSpec t = expand(file("")).get(0);
        assertEquals("b8f82dc85f67216d", t.trialId());
        assertEquals(2252191982358757507L, t.seed());
        assertEquals("{\"curve-every\":1,\"dim\":5,\"iterations\":150,\"noise-magnitude\":1.0,\"objective\":\"n2ce\","
                + "\"sample-refresh\":\"every-iteration\",\"samples\":500,\"start\":[1.5,0.75,0.0,-0.75,-1.5],"
                + "\"step-size\":0.2,\"target\":[-1.5,-0.75,0.0,0.75,1.5]}", t.paramsJson());
    }

    @Test
    void identityIsTheHashOfTheCanonicalText() throws IOException {
        TrialSpec t = expand(file("sweep.grids = [ { replicate = [3] } ]")).get(0);
        Map<String, Object> params = RecordBinder.toMap(bound(t));
        String text = TrialIdentity.identityText(EXPERIMENT, params, 3, null);
        assertEquals(TrialIdentity.id(text), t.trialId());
        assertEquals(TrialIdentity.derivedSeed(text), t.seed());
        assertEquals(TrialIdentity.canonicalJson(params), t.paramsJson());
        assertTrue(t.trialId().matches("[0-9a-f]{16}"), t.trialId());
        assertTrue(t.seed() >= 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "objective = neg-reweight",
            "noise-magnitude = 2",
            "samples = 501",
            "step-size = 0.21",
            "iterations = 151",
            "sample-refresh = once",
            "curve-every = 0",
            "target = [-1.5, -0.75, 0, 0.75, 1.6]",
            "start = [1.5, 0.75, 0.1, -0.75, -1.5]",
            "dim = 1, target = [0], start = [1]"})
    void identityChangesWhenAnyParameterChanges(String change) throws IOException {
        TrialSpec reference = expand(file("")).get(0);
        TrialSpec changed = expand(file("params { " + change + " }")).get(0);
        assertNotEquals(reference.trialId(), changed.trialId());
        assertNotEquals(reference.seed(), changed.seed());
        assertNotEquals(reference.paramsJson(), changed.paramsJson());
    }

    @Test
    void identityIncludesTheExperimentName() throws IOException {
        Config config = file("");
        assertNotEquals(expand(config, "gaussian").get(0).trialId(), expand(config, "gaussian-copy").get(0).trialId());
    }

    /** Identity is of the bound parameters, not of how a value was written or where. */
    @Test
    void identityIgnoresHowAndWhereAValueWasWritten() throws IOException {
        TrialSpec reference = expand(file("params.noise-magnitude = 10")).get(0);
        for (String written : List.of("params.noise-magnitude = 10.0", "params.noise-magnitude = \"10\"",
                "params.noise-magnitude = 1e1", "sweep.grids = [ { noise-magnitude = [10] } ]",
                "params.objective = N2CE\nparams.noise-magnitude = 10")) {
            TrialSpec t = expand(file(written)).get(0);
            assertEquals(reference.trialId(), t.trialId(), written);
            assertEquals(reference.seed(), t.seed(), written);
        }
    }

    @Test
    void duplicatePointsAcrossGridsAreRemovedKeepingTheFirst() throws IOException {
        List<TrialSpec> trials = grids("""
                { noise-magnitude = [1, 10], replicate = [0, 1] }
                { noise-magnitude = [10, 100], replicate = [1, 2] }
                { objective = [n2ce], noise-magnitude = [1.0] }
                """);
        // grid 0: (1,0) (1,1) (10,0) (10,1); grid 1 adds (10,2) (100,1) (100,2), its (10,1) is a duplicate;
        // grid 2 is (1, replicate 0) again, written differently.
        assertEquals(List.of("noise-magnitude=1 replicate=0", "noise-magnitude=1 replicate=1",
                        "noise-magnitude=10 replicate=0", "noise-magnitude=10 replicate=1",
                        "noise-magnitude=10 replicate=2", "noise-magnitude=100 replicate=1",
                        "noise-magnitude=100 replicate=2"),
                trials.stream().map(TrialSpec::describe).toList());
        assertEquals(trials.size(), trials.stream().map(TrialSpec::trialId).distinct().count());
    }

    @Test
    void duplicateValuesWithinAnAxisAreRemoved() throws IOException {
        assertEquals(1, grids("{ replicate = [0, 0], samples = [500] }").size());
    }

    @Test
    void derivedSeedsDifferAcrossReplicatesAndAreStable() throws IOException {
        String text = "sweep.grids = [ { replicate = {from = 0, until = 20} } ]";
        List<TrialSpec> trials = expand(file(text));
        assertEquals(20, trials.size());
        assertEquals(20, trials.stream().map(TrialSpec::seed).distinct().count());
        assertEquals(20, trials.stream().map(TrialSpec::trialId).distinct().count());
        assertTrue(trials.stream().allMatch(t -> t.seed() >= 0));
        // Same parameters: the replicate alone tells them apart.
        assertEquals(1, trials.stream().map(TrialSpec::paramsJson).distinct().count());
        // Replicate 0 is the trial of a sweep without replicates.
        TrialSpec unswept = expand(file("")).get(0);
        assertEquals(unswept.trialId(), trials.get(0).trialId());
        assertEquals(unswept.seed(), trials.get(0).seed());
        assertEquals(trials, expand(file(text)));
    }

    @Test
    void explicitSeedAxisSetsTheSeed() throws IOException {
        List<TrialSpec> trials = grids("{ seed = [7, 9223372036854775807, 0] }");
        assertEquals(List.of(7L, Long.MAX_VALUE, 0L), trials.stream().map(TrialSpec::seed).toList());
        assertEquals(3, trials.stream().map(TrialSpec::trialId).distinct().count());
        String derivedId = expand(file("")).get(0).trialId();
        assertTrue(trials.stream().noneMatch(t -> t.trialId().equals(derivedId)),
                "an explicit seed is part of the identity");
        assertEquals(Map.of("seed", "7"), trials.get(0).axes());
    }

    @Test
    void seedAndReplicateCombine() throws IOException {
        List<TrialSpec> trials = grids("{ seed = [5], replicate = [0, 1] }");
        assertEquals(List.of(5L, 5L), trials.stream().map(TrialSpec::seed).toList());
        assertNotEquals(trials.get(0).trialId(), trials.get(1).trialId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed = [-1]", "seed = [1.5]", "seed = [\"12\"]", "replicate = [-2]",
            "replicate = [0.5]", "replicate = [x]"})
    void badSeedOrReplicateFailsNamingTheAxisAndFile(String axis) throws IOException {
        Config config = file("sweep.grids = [ { " + axis + " } ]");
        fails(() -> expand(config), "sweep axis " + axis.substring(0, axis.indexOf(' ')), lastFile().toString(),
                "non-negative integer");
    }

    // ---------------------------------------------------------------- validation

    @Test
    void unknownAxisFailsNamingTheAxisAndFile() throws IOException {
        Config config = file("sweep.grids = [ { samples = [1] }, { sampels = [1, 2] } ]");
        fails(() -> expand(config), "Unknown sweep axis", "sweep.grids[1].sampels", lastFile().toString(),
                "samples");
    }

    @Test
    void unknownKeyInSweepFails() throws IOException {
        Config config = file("sweep { grids = [], grid = [] }");
        fails(() -> SweepSpec.parse(config), "sweep.grid", lastFile().toString());
    }

    @Test
    void gridsThatAreNotAListFail() throws IOException {
        Config config = file("sweep.grids = { samples = [1] }");
        fails(() -> SweepSpec.parse(config), "sweep.grids", lastFile().toString());
        Config notObjects = file("sweep.grids = [ [1] ]");
        fails(() -> SweepSpec.parse(notObjects), "sweep.grids[0]", lastFile().toString());
    }

    @Test
    void wrongTypeInAnAxisFailsNamingTheParameterAndFile() throws IOException {
        Config config = file("sweep.grids = [ { samples = [\"x\"] } ]");
        fails(() -> expand(config), "params.samples", lastFile().toString());
    }

    @Test
    void badEnumInAnAxisFailsNamingTheParameterAndFile() throws IOException {
        Config config = file("sweep.grids = [ { objective = [n2ce, nope] } ]");
        fails(() -> expand(config), "params.objective", "nope", lastFile().toString());
    }

    @Test
    void valueRejectedByTheValidatorFailsNamingTheParameterAndFile() throws IOException {
        Config config = file("sweep.grids = [ { noise-magnitude = [1, 10, 0.5] } ]");
        fails(() -> expand(config), "params.noise-magnitude", "0.5", lastFile().toString());
    }

    @Test
    void combinationRejectedByTheValidatorFails() throws IOException {
        // Each value is fine alone; nwj with M = 10 is not.
        Config config = file("sweep.grids = [ { objective = [n2ce, nwj], noise-magnitude = [1, 10] } ]");
        ConfigError error = fails(() -> expand(config), "params.noise-magnitude = 10", lastFile().toString());
        assertTrue(error.getMessage().toLowerCase(java.util.Locale.ROOT).contains("objective nwj"), error.getMessage());
    }

    /** A bad point in the last grid fails the whole plan, before anything runs. */
    @Test
    void badValueFailsTheWholePlan() throws IOException {
        Path job = dir.resolve("job.conf");
        Files.writeString(job, """
                job { name = bad-axis, experiment = gaussian }
                sweep.grids = [
                  { objective = [n2ce], noise-magnitude = [1, 10], replicate = {from = 0, until = 3} }
                  { objective = [mle], samples = [4, many] }
                ]
                """);
        fails(() -> SweepPlan.load(new LoadRequest(null, job, null, List.of())), "params.samples",
                job.toString());
    }

    /**
     * MAIN-CODE BUG (see the report): HOCON's getInt truncates 2.5 to 2, so RecordBinder binds
     * samples = 2.5 as 2 and this grid silently collapses to one trial instead of failing.
     */
    @Test
    void fractionalValueForAnIntegerParameterFails() throws IOException {
        Config config = file("sweep.grids = [ { samples = [2, 2.5] } ]");
        fails(() -> expand(config), "params.samples", "2.5", lastFile().toString());
    }

    // ---------------------------------------------------------------- values reach the record

    @Test
    void sweptValuesReachTheBoundRecord() throws IOException {
        List<TrialSpec> trials = grids("""
                { objective = [neg-reweight], noise-magnitude = [2.5], samples = [17], step-size = [0.05],
                  iterations = [9], sample-refresh = [once], curve-every = [3], dim = [2],
                  target = [[1, 2]], start = [[-1, -2]] }
                """, "params.dim = 5");
        assertEquals(1, trials.size());
        GaussianParams p = bound(trials.get(0));
        assertEquals(new GaussianParams(GaussianObjective.NEG_REWEIGHT, 2.5, 2, List.of(1.0, 2.0),
                List.of(-1.0, -2.0), 17, 0.05, 9, SampleRefresh.ONCE, 3), p);
        assertEquals(17.0 * 9, trials.get(0).cost());
    }

    @Test
    void listValuedAxis() throws IOException {
        List<TrialSpec> trials = grids("{ target = [[0, 0, 0, 0, 0], [1, 1, 1, 1, 1]] }");
        assertEquals(List.of(List.of(0.0, 0.0, 0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0, 1.0, 1.0)),
                each(trials, GaussianParams::target));
    }

    @Test
    void unsweptParametersKeepTheirBaseValues() throws IOException {
        List<TrialSpec> trials = grids("{ noise-magnitude = [10] }", "params { samples = 33, iterations = 4 }");
        GaussianParams p = bound(trials.get(0));
        assertEquals(10.0, p.noiseMagnitude());
        assertEquals(33, p.samples());
        assertEquals(4, p.iterations());
        assertEquals(5, p.dim());
    }

    @Test
    void axesShowTheSweptValues() throws IOException {
        TrialSpec t = grids("{ objective = [n2ce], noise-magnitude = [100], replicate = [3] }").get(0);
        assertEquals(Map.of("objective", "n2ce", "noise-magnitude", "100", "replicate", "3"), t.axes());
        assertEquals("noise-magnitude=100 objective=n2ce replicate=3", t.describe());
        assertEquals(3, t.replicate());
    }

    /** The shipped job files expand to the sizes their comments promise, with unique ids. */
    @Test
    void shippedJobFiles() {
        Map<String, Integer> sizes = Map.of(
                "jobs/quickstart.conf", 4 * 10 + 10,
                "jobs/gaussian-table14-n500.conf", 8 * 100 + 100,
                "jobs/gaussian-table13-n2.conf", 8 * 100 + 100,
                "jobs/gaussian-figure1.conf", 6 * 10 + 1);
        sizes.forEach((job, size) -> {
            List<TrialSpec> trials = SweepPlan.load(new LoadRequest(null, Path.of(job), null, List.of())).trials();
            assertEquals(size, trials.size(), job);
            assertEquals((long) size, trials.stream().map(TrialSpec::trialId).distinct().count(), job);
        });
    }

    /** The ci scale of Table 14 is a subset of the full sweep: same ids for the same trials. */
    @Test
    void ciScaleIsASubsetOfTheFullSweep() {
        Path job = Path.of("jobs/gaussian-table14-n500.conf");
        List<TrialSpec> full = SweepPlan.load(new LoadRequest(null, job, null, List.of())).trials();
        List<TrialSpec> ci = SweepPlan.load(new LoadRequest(null, job, "ci", List.of())).trials();
        assertEquals(8 * 20 + 20, ci.size());
        Set<String> fullIds = full.stream().map(TrialSpec::trialId).collect(Collectors.toSet());
        assertTrue(ci.stream().allMatch(t -> fullIds.contains(t.trialId())));
    }
}
