package ebmopt.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 started by {@code submit/local-cluster} (a master
 * and workers as separate JVMs, executors launched by the workers) from this test JVM's
 * classpath, and drivers submitted to it as separate JVMs. {@link #close()} kills everything
 * the cluster started, also after a failure.
 */
public final class LocalCluster implements AutoCloseable {
    private static final String SCRIPT = "submit/local-cluster";
    private static final long START_TIMEOUT_S = 300;

    private final Path dir;
    private final String masterUrl;

    private LocalCluster(Path dir, String masterUrl) {
        this.dir = dir;
        this.masterUrl = masterUrl;
    }

    /** Starts a master and {@code workers} workers of {@code cores} cores each, with {@code fakeGpus} fake GPUs each. */
    public static LocalCluster start(Path dir, int workers, int cores, int fakeGpus) throws Exception {
        Files.createDirectories(dir);
        Path log = dir.resolve("start.log");
        ProcessBuilder builder = new ProcessBuilder(SCRIPT, "start", dir.toString(), "--workers",
                String.valueOf(workers), "--cores", String.valueOf(cores), "--memory", "1g",
                "--fake-gpus", String.valueOf(fakeGpus))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EBMOPT_CLASSPATH", System.getProperty("java.class.path"));
        Process script = builder.start();
        try {
            boolean finished = script.waitFor(START_TIMEOUT_S, TimeUnit.SECONDS);
            if (!finished || script.exitValue() != 0) {
                throw new IllegalStateException("the cluster did not start within " + START_TIMEOUT_S + " s: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new LocalCluster(dir, Files.readString(dir.resolve("master-url")).trim());
        } catch (Exception | Error e) {
            script.destroyForcibly().waitFor();
            new LocalCluster(dir, null).close();
            throw e;
        }
    }

    public String masterUrl() {
        return masterUrl;
    }

    /** The folder the cluster's logs and executor work folders are in. */
    public Path dir() {
        return dir;
    }

    /** The log4j2 configuration at INFO the daemons use; executors given it log their tasks. */
    public Path infoLogConfig() {
        return dir.resolve("log4j2-daemons.properties");
    }

    /** Whether an executor of worker {@code index} has logged that it runs a task. */
    public boolean workerRunsATask(int index) throws IOException {
        Path work = dir.resolve("work").resolve("worker-" + index);
        if (!Files.isDirectory(work)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(work)) {
            for (Path stderr : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                if (Files.readString(stderr, StandardCharsets.ISO_8859_1).contains("Running task")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Kills worker {@code index} and the executors it launched with SIGKILL, as a node failure would. */
    public void killWorker(int index) throws Exception {
        Optional<ProcessHandle> worker = process(dir.resolve("worker-" + index + ".pid"));
        if (worker.isEmpty()) {
            throw new IllegalStateException("worker " + index + " is not running");
        }
        List<ProcessHandle> all = new ArrayList<>(worker.get().descendants().toList());
        all.add(worker.get());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Starts a driver JVM running {@code ebm-opt ARGS} against this cluster, with the test
     * classpath (the echo experiment), {@code sparkConf} as extra Spark properties, and its
     * output in {@code log}.
     */
    public Process submit(Path log, List<String> sparkConf, String... args) throws IOException {
        String classPath = System.getProperty("java.class.path");
        String folders = Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
        String moduleFlags = String.join(" ", Files.readAllLines(Path.of("submit/java17.flags")));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@submit/java17.flags");
        command.add("-Xmx512m");
        command.add("-Dspark.master=" + masterUrl);
        command.add("-Dspark.driver.host=127.0.0.1");
        command.add("-Dspark.driver.bindAddress=127.0.0.1");
        command.add("-Dspark.ui.enabled=false");
        command.add("-Dspark.executor.memory=512m");
        // Jars come from the workers' SPARK_HOME/jars; the classes folders (main and test) from here.
        command.add("-Dspark.executor.extraClassPath=" + folders);
        command.add("-Dspark.executor.extraJavaOptions=" + moduleFlags + " -Dlog4j2.configurationFile="
                + infoLogConfig());
        sparkConf.forEach(conf -> command.add("-D" + conf));
        command.add("-cp");
        command.add(classPath);
        command.add("ebmopt.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    /** Kills every process the cluster started (submit/local-cluster stop), and any left over. */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> recorded = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path pid : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                process(pid).ifPresent(recorded::add);
            }
        }
        List<ProcessHandle> all = new ArrayList<>();
        recorded.forEach(p -> all.addAll(p.descendants().toList()));
        all.addAll(recorded);
        Process stop = new ProcessBuilder(SCRIPT, "stop", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stop.log").toFile()).start();
        try {
            if (!stop.waitFor(60, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
            }
            // The script kills process groups; a process that left its group is killed here by id.
            for (ProcessHandle p : all) {
                p.destroyForcibly();
                p.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            all.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("a process of the cluster in " + dir + " did not stop", e);
        }
    }

    private static Optional<ProcessHandle> process(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
    }
}
