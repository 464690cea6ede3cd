package ebmopt.run;

import ebmopt.results.CommittedTrials;
import ebmopt.results.ResultLayout;
import ebmopt.results.ResultTables;
import ebmopt.testing.LocalCluster;
import ebmopt.testing.TestSweeps;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweeps on a real Spark standalone cluster (a master and two workers, separate JVMs on
 * 127.0.0.1, started by submit/local-cluster): GPU scheduling with fake GPUs, then a sweep
 * that loses a worker and its executor (SIGKILL) part-way and still commits every trial
 * exactly once, with the results of a local run; then a driver killed part-way and started
 * again, which resumes without losing or duplicating trials.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterTest {
    private static final int FAKE_GPUS_PER_WORKER = 2;
    private static final long SWEEP_TIMEOUT_S = 420;

    /** Kept when a test fails: the master's, workers', executors' and drivers' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        long start = System.nanoTime();
        cluster = LocalCluster.start(dir.resolve("cluster"), 2, 2, FAKE_GPUS_PER_WORKER);
        elapsed("cluster started", start);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void eachTrialGetsItsOwnGpuAndRecordsIt() throws Exception {
        Path job = TestSweeps.job(dir, "echo-gpus", """
                params { sleep-ms = 500, steps = 2 }
                sweep.grids = [ { replicate = {from = 0, until = 12} } ]
                """);
        Path out = dir.resolve("gpu-out");
        Process driver = submit(job, out, "gpu-driver.log",
                "spark.executor.resource.gpu.amount=" + FAKE_GPUS_PER_WORKER,
                "spark.executor.resource.gpu.discoveryScript=" + Path.of("submit/discover-gpus").toAbsolutePath(),
                "spark.task.resource.gpu.amount=1");
        long submitted = System.nanoTime();
        awaitSuccess(driver, "gpu-driver.log");
        elapsed("GPU sweep", submitted);

        SparkSession spark = TestSweeps.spark();
        List<Row> rows = ResultTables.read(spark, layout(out, "echo-gpus"), ResultTables.TRIALS)
                .selectExpr("trial_id", "resources['gpu']", "started_at", "wall_ms", "status").collectAsList();
        assertEquals(12, rows.size());
        // address -> the [start, end) intervals of the trials that held it
        Map<String, List<long[]>> byAddress = new TreeMap<>();
        for (Row r : rows) {
            assertEquals("done", r.getString(4));
            String address = r.getString(1);
            assertTrue(address != null && address.matches("[0-3]"), "one fake GPU per trial, got " + address);
            long start = r.getTimestamp(2).getTime();
            byAddress.computeIfAbsent(address, a -> new ArrayList<>()).add(new long[]{start, start + r.getLong(3)});
        }
        assertTrue(byAddress.size() >= 2, "trials spread over GPUs: " + byAddress.keySet());
        byAddress.forEach((address, intervals) -> {
            intervals.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < intervals.size(); i++) {
                assertTrue(intervals.get(i)[0] >= intervals.get(i - 1)[1],
                        "GPU " + address + " held by two trials at once");
            }
        });
    }

    @Test
    @Order(2)
    void aSweepThatLosesAWorkerCompletesWithEveryTrialOnceAndTheLocalResults() throws Exception {
        int trials = 40;
        Path job = TestSweeps.job(dir, "echo-worker-lost", """
                params { sleep-ms = 500, steps = 3 }
                sweep.grids = [ { value = [0.5, 2.0], replicate = {from = 0, until = %d} } ]
                """.formatted(trials / 2));
        Path out = dir.resolve("cluster-out");
        ResultLayout layout = layout(out, "echo-worker-lost");
        Configuration hadoop = new Configuration();
        // Start only once both executors (4 cores) are up, so that the doomed worker runs trials.
        long start = System.nanoTime();
        Process driver = submit(job, out, "worker-lost-driver.log", "spark.cores.max=4",
                "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "spark.scheduler.maxRegisteredResourcesWaitingTime=300s");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWEEP_TIMEOUT_S);
            while (CommittedTrials.scan(layout, hadoop).size() < 2 || !cluster.workerRunsATask(1)) {
                assertTrue(driver.isAlive(), "the sweep ended before the worker could be killed: "
                        + log("worker-lost-driver.log"));
                assertTrue(System.nanoTime() < deadline, "worker 1 ran no trial within " + SWEEP_TIMEOUT_S + " s");
                Thread.sleep(50);
            }
            int committedAtKill = CommittedTrials.scan(layout, hadoop).size();
            elapsed("killing worker 1 after " + committedAtKill + " trials", start);
            cluster.killWorker(1);
            assertTrue(committedAtKill < trials, "the sweep was over before the kill");
            awaitSuccess(driver, "worker-lost-driver.log");
            elapsed("sweep that lost a worker", start);
        } finally {
            driver.destroyForcibly().waitFor();
        }
        String driverLog = log("worker-lost-driver.log");
        assertTrue(driverLog.contains("Lost executor"), "the driver never lost an executor:\n" + driverLog);

        // Every trial exactly once, in the markers and in the table.
        SparkSession spark = TestSweeps.spark();
        Path localOut = dir.resolve("local-out");
        start = System.nanoTime();
        SweepRunner.run(spark, TestSweeps.plan(job, localOut));
        elapsed("the same sweep on local[2]", start);
        assertEquals(trials, CommittedTrials.scan(layout, hadoop).size());
        List<String> ids = ResultTables.read(spark, layout, ResultTables.TRIALS).select("trial_id")
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        assertEquals(trials, ids.size());
        assertEquals(trials, new HashSet<>(ids).size());

        // The same trials with the same metrics and curves as a local run.
        assertEquals(rows(spark, layout(localOut, "echo-worker-lost"), ResultTables.TRIALS,
                        "trial_id", "status", "seed", "to_json(metrics)"),
                rows(spark, layout, ResultTables.TRIALS, "trial_id", "status", "seed", "to_json(metrics)"));
        assertEquals(rows(spark, layout(localOut, "echo-worker-lost"), ResultTables.CURVES,
                        "trial_id", "metric", "step", "value"),
                rows(spark, layout, ResultTables.CURVES, "trial_id", "metric", "step", "value"));
    }

    @Test
    @Order(3)
    void aKilledDriverStartedAgainResumesWithoutLosingOrDuplicatingTrials() throws Exception {
        int trials = 16;
        Path job = TestSweeps.job(dir, "echo-driver-killed", """
                params { sleep-ms = 500, steps = 2 }
                sweep.grids = [ { replicate = {from = 0, until = %d} } ]
                """.formatted(trials));
        Path out = dir.resolve("resume-out");
        ResultLayout layout = layout(out, "echo-driver-killed");
        Configuration hadoop = new Configuration();
        long start = System.nanoTime();
        Process driver = submit(job, out, "killed-driver.log");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWEEP_TIMEOUT_S);
            while (CommittedTrials.scan(layout, hadoop).size() < 3) {
                assertTrue(driver.isAlive(), "the sweep ended before it could be killed: " + log("killed-driver.log"));
                assertTrue(System.nanoTime() < deadline, "no trial committed within " + SWEEP_TIMEOUT_S + " s");
                Thread.sleep(20);
            }
        } finally {
            driver.destroyForcibly().waitFor();
        }
        int committedBefore = CommittedTrials.scan(layout, hadoop).size();
        assertTrue(committedBefore < trials, "the sweep was over before the kill");
        elapsed("driver killed after " + committedBefore + " trials", start);

        awaitSuccess(submit(job, out, "resumed-driver.log"), "resumed-driver.log");
        elapsed("killed and resumed sweep", start);
        String resumed = log("resumed-driver.log");
        int skipped = Integer.parseInt(
                resumed.replaceAll("(?s).*this run: .*? skipped (\\d+) already done.*", "$1"));
        assertTrue(skipped >= committedBefore, "the resumed run re-ran committed trials:\n" + resumed);
        assertEquals(trials, CommittedTrials.scan(layout, hadoop).size());
        List<String> ids = ResultTables.read(TestSweeps.spark(), layout, ResultTables.TRIALS).select("trial_id")
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        assertEquals(trials, ids.size());
        assertEquals(trials, new HashSet<>(ids).size());
        assertEquals(trials * 2L, ResultTables.read(TestSweeps.spark(), layout, ResultTables.CURVES).count());
    }

    private static Process submit(Path job, Path out, String logName, String... sparkConf) throws Exception {
        return cluster.submit(dir.resolve(logName), List.of(sparkConf), "sweep", job.toString(), "--conf", "cluster",
                "--set", "output.root=\"" + out + "\"", "--set", "run.progress-interval=2s");
    }

    /** Waits for the driver to succeed; it is killed if it has not ended in time. */
    private static void awaitSuccess(Process driver, String logName) throws Exception {
        try {
            assertTrue(driver.waitFor(SWEEP_TIMEOUT_S, TimeUnit.SECONDS),
                    "the sweep did not finish within " + SWEEP_TIMEOUT_S + " s: " + log(logName));
            assertEquals(0, driver.exitValue(), "the sweep failed: " + log(logName));
        } finally {
            driver.destroyForcibly().waitFor();
        }
    }

    private static void elapsed(String what, long startNanos) {
        System.out.printf("[StandaloneClusterTest] %s: %.1f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    private static String log(String name) throws Exception {
        return Files.readString(dir.resolve(name));
    }

    private static ResultLayout layout(Path out, String sweep) {
        return new ResultLayout(out.resolve(sweep).toUri().toString().replaceAll("/$", ""));
    }

    private static Set<String> rows(SparkSession spark, ResultLayout layout, String table, String... columns) {
        Set<String> rows = new TreeSet<>();
        ResultTables.read(spark, layout, table).selectExpr(columns).collectAsList()
                .forEach(r -> rows.add(r.mkString("|")));
        return rows;
    }
}
