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
 * missing trials and ends with every trial present exactly once.
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
