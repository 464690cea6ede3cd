package ebmopt.results;

import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * views.sql names snapshot versions, so a sweep run that replaces its snapshot writes it again
 * where it exists: a plain session loading it sees the trials of the latest run.
 */
class ViewScriptsTest {

    @TempDir
    Path dir;

    @Test
    void aSweepRunWritesExistingViewScriptsAgainForItsNewSnapshot() throws IOException {
        SparkSession spark = TestSweeps.spark();
        Path out = dir.resolve("out");
        Path job = TestSweeps.job(dir, "echo-views", "sweep.grids = [ { replicate = {from = 0, until = 2} } ]\n");
        SweepRunner.run(spark, TestSweeps.plan(job, out));
        assertFalse(Files.exists(out.resolve(ViewScripts.SQL_FILE)), "a sweep wrote scripts nobody asked for");
        ViewScripts.write(spark, out.toString());
        assertEquals(2L, trialsSeenBy(spark, out));

        SweepPlan more = TestSweeps.plan(job, out, "sweep.grids = [ { replicate = {from = 0, until = 5} } ]");
        SweepRunner.run(spark, more);
        assertEquals(5L, trialsSeenBy(spark, out));
    }

    /** The rows of {@code trials} in a fresh session that ran views.sql. */
    private static long trialsSeenBy(SparkSession spark, Path out) throws IOException {
        SparkSession plain = spark.newSession();
        for (String statement : Files.readString(out.resolve(ViewScripts.SQL_FILE)).split(";\n")) {
            String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
            if (!sql.isEmpty()) {
                plain.sql(sql);
            }
        }
        return plain.sql("SELECT * FROM trials").count();
    }
}
