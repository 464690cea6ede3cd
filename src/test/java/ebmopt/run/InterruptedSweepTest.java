package ebmopt.run;

import ebmopt.results.CommittedTrials;
import ebmopt.results.ResultTables;
import ebmopt.testing.TestSweeps;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep whose driver is killed (SIGKILL) part-way, then run again, completes only the
 * missing trials and ends with every trial present exactly once; a long trial killed
 * mid-training resumes from its checkpoint to the result of a run never killed.
 */
class InterruptedSweepTest {
    private static final int TRIALS = 24;

    @TempDir
    Path dir;

    @Test
    void aKilledSweepResumesWithoutLosingOrDuplicatingTrials() throws Exception {
        Path job = TestSweeps.job(dir, "echo-killed", """
                params { sleep-ms = 500, steps = 5 }
                sweep.grids = [ { replicate = {from = 0, until = %d} } ]
                """.formatted(TRIALS));
        Path out = dir.resolve("out");
        SweepPlan plan = TestSweeps.plan(job, out);
        Configuration hadoop = new Configuration();
        ebmopt.results.ResultLayout layout = new ebmopt.results.ResultLayout(out.resolve("echo-killed").toUri()
                .toString().replaceAll("/$", ""));

        Process driver = startDriver(job, out);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (CommittedTrials.scan(layout, hadoop).size() < 4) {
                assertTrue(driver.isAlive(), "the sweep ended before it could be killed");
                assertTrue(System.nanoTime() < deadline, "no trial committed within 120 s");
                Thread.sleep(20);
            }
        } finally {
            driver.destroyForcibly().waitFor();
        }
        Map<String, CommittedTrials.Commit> beforeResume = CommittedTrials.scan(layout, hadoop);
        int committedBefore = beforeResume.size();
        assertTrue(committedBefore >= 4 && committedBefore < TRIALS, "committed before the kill: " + committedBefore);

        SparkSession spark = TestSweeps.spark();
        SweepReport resumed = SweepRunner.run(spark, plan);
        assertEquals(committedBefore, resumed.alreadyDone());
        assertEquals(TRIALS - committedBefore, resumed.ran().size());
        Set<String> ranNow = new HashSet<>();
        resumed.ran().forEach(s -> ranNow.add(s.trialId()));
        ranNow.retainAll(beforeResume.keySet());
        assertTrue(ranNow.isEmpty(), "re-ran committed trials: " + ranNow);

        List<Row> trials = ResultTables.read(spark, resumed.layout(), ResultTables.TRIALS)
                .select("trial_id").collectAsList();
        assertEquals(TRIALS, trials.size());
        assertEquals(TRIALS, new HashSet<>(trials.stream().map(r -> r.getString(0)).toList()).size());
        assertEquals(TRIALS * 5L, ResultTables.read(spark, resumed.layout(), ResultTables.CURVES).count());
        Set<String> planned = new HashSet<>();
        plan.trials().forEach(t -> planned.add(t.trialId()));
        assertEquals(planned, new HashSet<>(CommittedTrials.scan(layout, hadoop).keySet()));
    }

    @Test
    void aLongTrialKilledMidTrainingResumesFromItsCheckpoint() throws Exception {
        String body = """
                job { name = lebm-killed, experiment = lebm }
                params { task = tf-bind-8, iterations = 600, batch-size = 16, ratio-blocks = 1, ratio-hidden = 16,
                         noise-magnitude = 4, sampler-steps = 5, candidates = 16, eval-every = 200,
                         eval-sampler-steps = 3, loss-curve-every = 50 }
                run.checkpoint-interval = 100ms
                """;
        Path job = dir.resolve("lebm-killed.conf");
        java.nio.file.Files.writeString(job, body);
        Path out = dir.resolve("out");
        Configuration hadoop = new Configuration();
        ebmopt.results.ResultLayout layout = new ebmopt.results.ResultLayout(out.resolve("lebm-killed").toUri()
                .toString().replaceAll("/$", ""));
        Path checkpoint = out.resolve("lebm-killed").resolve(ebmopt.results.CheckpointStore.DIR);

        Process driver = startDriver(job, out);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (checkpointIteration(checkpoint) < 60) {
                assertTrue(driver.isAlive(), "the sweep ended before it could be killed");
                assertTrue(System.nanoTime() < deadline, "no checkpoint past iteration 60 within 180 s");
                Thread.sleep(20);
            }
        } finally {
            driver.destroyForcibly().waitFor();
        }
        assertTrue(CommittedTrials.scan(layout, hadoop).isEmpty(), "the trial was killed before its commit");
        int savedAt = checkpointIteration(checkpoint);
        assertTrue(savedAt >= 60 && savedAt < 600, "checkpoint at iteration " + savedAt);

        SparkSession spark = TestSweeps.spark();
        SweepReport resumed = SweepRunner.run(spark, SweepPlan.load(new ebmopt.config.LoadRequest(TestSweeps.PROFILE,
                job, null, List.of("output.root=\"" + out + "\""))));
        assertEquals(1, resumed.count("done"), resumed.toString());
        Row trial = ResultTables.read(spark, resumed.layout(), ResultTables.TRIALS).select("metrics").first();
        Map<String, Double> metrics = new java.util.TreeMap<>(trial.getJavaMap(0));
        assertEquals((double) savedAt, metrics.get("resumed_from_iteration"), "resumed where the kill left it");
        assertEquals(0, checkpointFiles(checkpoint), "the checkpoint is removed once the trial is committed");

        Path fresh = dir.resolve("uninterrupted");
        SweepReport straight = SweepRunner.run(spark, SweepPlan.load(new ebmopt.config.LoadRequest(TestSweeps.PROFILE,
                job, null, List.of("output.root=\"" + fresh + "\"", "run.checkpoint-interval = 0"))));
        Row reference = ResultTables.read(spark, straight.layout(), ResultTables.TRIALS).select("metrics").first();
        Map<String, Double> expected = new java.util.TreeMap<>(reference.getJavaMap(0));
        for (Map<String, Double> m : List.of(metrics, expected)) {
            m.keySet().removeIf(k -> k.contains("seconds") || k.equals("resumed_from_iteration"));
        }
        assertEquals(expected, metrics);
        assertEquals(ResultTables.read(spark, straight.layout(), ResultTables.CURVES).select("metric", "step", "value")
                        .orderBy("metric", "step").collectAsList(),
                ResultTables.read(spark, resumed.layout(), ResultTables.CURVES).select("metric", "step", "value")
                        .orderBy("metric", "step").collectAsList());
    }

    /** The iteration of the trial's checkpoint under {@code dir} (0 if none yet; LatentEbmState's header). */
    private static int checkpointIteration(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith(".ckpt")).findFirst().orElse(null);
            if (file == null) {
                return 0;
            }
            try (var in = new java.io.DataInputStream(java.nio.file.Files.newInputStream(file))) {
                in.readInt();
                in.readInt();
                return in.readInt();
            }
        } catch (java.nio.file.NoSuchFileException | java.io.EOFException e) {
            return 0; // renamed over while being read
        }
    }

    private static long checkpointFiles(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ckpt")).count();
        }
    }

    /** The sweep command in a separate JVM, as a user would start it. */
    private static Process startDriver(Path job, Path out) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@submit/java17.flags");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("ebmopt.cli.Main");
        command.addAll(List.of("sweep", job.toString(), "--conf", TestSweeps.PROFILE,
                "--set", "output.root=\"" + out + "\""));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.getParent().resolve("driver.log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }
}
