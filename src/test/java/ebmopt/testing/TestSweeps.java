package ebmopt.testing;

import ebmopt.config.LoadRequest;
import ebmopt.run.SparkSessions;
import ebmopt.run.SweepPlan;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Helpers shared by the tests that run sweeps on local Spark. */
public final class TestSweeps {
    /** The test profile: local[2,3], no UI, loopback. */
    public static final String PROFILE = "src/test/resources/conf/test.conf";

    private TestSweeps() {
    }

    /** One Spark session for the whole test JVM (local[2]). */
    public static synchronized SparkSession spark() {
        return SparkSessions.create(SweepPlan.load(new LoadRequest(PROFILE, Path.of("jobs/quickstart.conf"), null,
                List.of())).settings().spark());
    }

    /** Writes a job file into {@code dir}. */
    public static Path job(Path dir, String name, String body) {
        try {
            Path file = dir.resolve(name + ".conf");
            Files.writeString(file, "job { name = " + name + ", experiment = echo }\n" + body);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan of {@code job} with results under {@code outputRoot} and further overrides. */
    public static SweepPlan plan(Path job, Path outputRoot, String... overrides) {
        List<String> all = new ArrayList<>();
        all.add("output.root=\"" + outputRoot + "\"");
        all.addAll(Arrays.asList(overrides));
        return SweepPlan.load(new LoadRequest(PROFILE, job, null, all));
    }
}
