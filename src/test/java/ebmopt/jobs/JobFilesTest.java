package ebmopt.jobs;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.LoadRequest;
import ebmopt.run.SweepPlan;
import ebmopt.nightly.NightlySelection;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped job file loads, validates and expands into trials as written and at every
 * scale it declares (an unknown key, a bad value or a swept key the experiment does not have
 * fails here, not an hour into a run); the nightly selection names only job files that exist.
 */
class JobFilesTest {
    private static final String PROFILE = "src/test/resources/conf/test.conf";

    @Test
    void everyJobFileExpandsAsWrittenAndAtEveryScale() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Path job : jobFiles()) {
            var parsed = ConfigFactory.parseFile(job.toFile());
            List<String> scales = new ArrayList<>();
            scales.add(null);
            if (parsed.hasPath("scales")) {
                scales.addAll(parsed.getObject("scales").keySet());
            }
            for (String scale : scales) {
                SweepPlan plan = SweepPlan.load(new LoadRequest(PROFILE, job, scale, List.of()));
                assertFalse(plan.trials().isEmpty(), job + " at scale " + scale + " has no trials");
                checked.add(job.getFileName() + (scale == null ? "" : "@" + scale));
            }
        }
        assertTrue(checked.size() >= 20, "job files and scales checked: " + checked);
    }

    @Test
    void theNightlySelectionNamesExistingJobFilesAndScales() {
        // read() refuses a missing job file and a scale the job file does not declare
        NightlySelection selection = NightlySelection.read(Path.of("jobs/nightly.conf"));
        assertTrue(selection.jobs().size() >= 8, "nightly jobs: " + selection.jobs());
    }

    private static List<Path> jobFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            return files.filter(f -> f.toString().endsWith(".conf") && !f.getFileName().toString().equals("nightly.conf"))
                    .sorted().toList();
        }
    }
}
