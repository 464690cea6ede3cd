package ebmopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ebmopt.config.LoadRequest;
import ebmopt.results.CheckpointStore;
import ebmopt.results.ResultTables;
import ebmopt.run.SweepPlan;
import ebmopt.run.SweepRunner;
import ebmopt.testing.TestSweeps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resample} end to end: a CI-scale Table 7 trial that kept its final state is sampled
 * again from the command line; the variant equal to the trial's own setting gives the trial's
 * recorded best score, and mistakes exit 2 with a message naming what was wrong.
 */
class ResampleCommandTest {
    private static final String ONE_TRIAL = "sweep.grids = [ { task = [tf-bind-8], replicate = [0] } ]";

    @TempDir
    Path dir;

    @Test
    void aKeptTrialIsResampledWithEachVariantAndTheResultsAreWritten() throws IOException {
        List<String> common = List.of("output.root=\"" + dir + "\"", "run.keep-final-state = true", ONE_TRIAL);
        SweepPlan plan = SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table7.conf"), "ci",
                common));
        SparkSession spark = TestSweeps.spark();
        assertEquals(1, SweepRunner.run(spark, plan).count("done"));
        String trialId = plan.trials().get(0).trialId();
        Path sweepDir = dir.resolve(plan.sweepName());
        assertTrue(Files.exists(sweepDir.resolve(CheckpointStore.FINAL_DIR).resolve(trialId + ".ckpt")));
        ResultTables.registerViews(spark, dir.toString());
        double p100 = spark.sql("SELECT metrics['score_p100'] FROM trials").first().getDouble(0);

        CommandRun run = CommandRun.of(args(common, "--trial", trialId.substring(0, 6), "--vary", "lambda1=20,0"));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("| lambda1=20 | 30 |") && run.out().contains("| lambda1=0 | 30 |"), run.out());

        List<String> csv;
        try (Stream<Path> files = Files.list(sweepDir.resolve(ResampleCommand.DIR))) {
            Path file = files.findFirst().orElseThrow();
            assertTrue(file.getFileName().toString().startsWith(trialId + "-it30-"), file.toString());
            csv = Files.readAllLines(file);
        }
        assertEquals(3, csv.size(), "header and two variants: " + csv);
        String[] same = csv.get(1).split(",");
        assertEquals("\"lambda1=20\"", same[0]);
        assertEquals(p100, Double.parseDouble(same[2]), 1e-6, "lambda1 = 20 is the trial's own setting");
        int fitTerm = List.of(csv.get(0).split(",")).indexOf("fit_term");
        assertEquals(0.0, Double.parseDouble(csv.get(2).split(",")[fitTerm]), "lambda1 = 0: no fit term");
    }

    @Test
    void mistakesExitWith2AndSayWhatWasWrong() {
        List<String> common = List.of("output.root=\"" + dir + "\"", ONE_TRIAL);
        CommandRun noState = CommandRun.of(args(common, "--trial", ""));
        assertEquals(2, noState.code());
        assertTrue(noState.err().contains("has no saved state under") && noState.err().contains("run.keep-final-state"),
                noState.err());

        CommandRun unknown = CommandRun.of(args(common, "--trial", "zzzz"));
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no trial of this sweep has an id starting 'zzzz'")
                && unknown.err().contains("task=tf-bind-8"), "lists the trials: " + unknown.err());

        CommandRun modelKey = CommandRun.of(args(common, "--trial", "", "--vary", "noise-magnitude=1,10"));
        assertEquals(2, modelKey.code());
        assertTrue(modelKey.err().contains("noise-magnitude cannot be varied"), modelKey.err());

        CommandRun noTrial = CommandRun.of(new String[] {"resample", "jobs/lebm-table7.conf"});
        assertEquals(2, noTrial.code());
        assertTrue(noTrial.err().contains("resample needs --trial"), noTrial.err());

        CommandRun notResample = CommandRun.of(new String[] {"sweep", "jobs/lebm-table7.conf", "--vary", "lambda1=1"});
        assertEquals(2, notResample.code());
        assertTrue(notResample.err().contains("--vary is an option of resample, not of sweep"), notResample.err());

        CommandRun notLebm = CommandRun.of(new String[] {"resample", "jobs/quickstart.conf", "--trial", "a"});
        assertEquals(2, notLebm.code());
        assertTrue(notLebm.err().contains("experiment gaussian"), notLebm.err());
    }

    private static String[] args(List<String> sets, String... extra) {
        List<String> out = new ArrayList<>(List.of("resample", "jobs/lebm-table7.conf", "--conf", TestSweeps.PROFILE,
                "--scale", "ci"));
        for (String s : sets) {
            out.add("--set");
            out.add(s);
        }
        out.addAll(List.of(extra));
        return out.toArray(String[]::new);
    }
}
