package ebmopt.results;

import ebmopt.experiment.TrialOutcome.Candidate;
import ebmopt.experiment.TrialOutcome.CurvePoint;
import ebmopt.testing.EchoParams;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A commit is checked before it becomes visible, so a done marker never points at a partial
 * folder; a folder that lost a required file after its commit counts as not committed and is
 * replaced by the next commit of the trial.
 */
class TrialCommitterTest {
    private static final String TRIAL = "0000echo0000one";
    private final Configuration hadoop = new Configuration();

    @TempDir
    Path dir;

    @Test
    void aFileLostBeforeTheCheckAbortsTheCommit() throws Exception {
        ResultLayout layout = layout();
        for (String lost : List.of(TrialCommitter.TRIALS_FILE, TrialCommitter.CURVES_FILE,
                TrialCommitter.CANDIDATES_FILE)) {
            TrialCommitter committer = new TrialCommitter(layout, hadoop,
                    (fs, staging) -> assertTrue(fs.delete(new org.apache.hadoop.fs.Path(staging, lost), false)));
            IOException e = assertThrows(IOException.class, () -> commit(committer, 1.0));
            assertTrue(e.getMessage().contains(lost), e.getMessage());
        }
        // As when another driver clears _staging under a running trial: the whole folder goes.
        TrialCommitter cleared = new TrialCommitter(layout, hadoop, (fs, staging) -> fs.delete(staging, true));
        assertThrows(IOException.class, () -> commit(cleared, 1.0));

        assertFalse(Files.exists(sweep().resolve("results/" + TRIAL)), "a trial folder appeared");
        assertEquals(List.of(), markers(), "a status marker was written");
        assertTrue(CommittedTrials.scan(layout, hadoop).isEmpty());
        assertEquals(TrialCommitter.Result.COMMITTED, commit(new TrialCommitter(layout, hadoop), 1.0));
        assertEquals(1, CommittedTrials.scan(layout, hadoop).size());
    }

    @Test
    void aDamagedDoneFolderIsNotCommittedAndIsReplaced() throws Exception {
        ResultLayout layout = layout();
        TrialCommitter committer = new TrialCommitter(layout, hadoop);
        assertEquals(TrialCommitter.Result.COMMITTED, commit(committer, 1.0));
        String first = CommittedTrials.scan(layout, hadoop).get(TRIAL).commitId();
        assertEquals(TrialCommitter.Result.ALREADY_DONE, commit(committer, 2.0), "an intact done trial was replaced");

        for (String lost : CommittedTrials.REQUIRED_FILES) {
            deleteWithChecksum(sweep().resolve("results/" + TRIAL + "/" + lost));
            assertFalse(CommittedTrials.scan(layout, hadoop).containsKey(TRIAL), "a folder without " + lost);
            assertEquals(TrialCommitter.Result.COMMITTED, commit(committer, 3.0));
            CommittedTrials.Commit now = CommittedTrials.scan(layout, hadoop).get(TRIAL);
            assertEquals(TrialStatus.DONE, now.status());
            assertNotEquals(first, now.commitId());
            first = now.commitId();
        }
        assertEquals(1, markers().size(), "markers: " + markers());
    }

    @Test
    void aFolderWithoutCandidatesFromAnOlderVersionIsStillCommitted() throws Exception {
        ResultLayout layout = layout();
        TrialCommitter committer = new TrialCommitter(layout, hadoop);
        commit(committer, 1.0);
        deleteWithChecksum(sweep().resolve("results/" + TRIAL + "/" + TrialCommitter.CANDIDATES_FILE));
        assertTrue(CommittedTrials.scan(layout, hadoop).containsKey(TRIAL));
        assertEquals(TrialCommitter.Result.ALREADY_DONE, commit(committer, 2.0));
    }

    private TrialCommitter.Result commit(TrialCommitter committer, double value) throws IOException {
        TrialRecord record = new TrialRecord(TRIAL, "echo-commit", null, "echo", 0, 1L, TrialStatus.DONE, null,
                new EchoParams(value, -1, "", -1, -1, 0, 2, 1, false), Map.of("value", value), "{}", "test", "jvm",
                "host", Map.of(), Map.of(), 0L, 1L, 0);
        return committer.commit(record, List.of(new CurvePoint("c", 0, value), new CurvePoint("c", 1, value)),
                List.of(new Candidate(0, "0,0", value, 0.0)));
    }

    private Path sweep() {
        return dir.resolve("echo-commit");
    }

    private ResultLayout layout() {
        return new ResultLayout(sweep().toUri().toString().replaceAll("/$", ""));
    }

    /** Every status marker under the sweep, staging included. */
    private List<Path> markers() throws IOException {
        if (!Files.exists(sweep())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sweep())) {
            return files.filter(p -> p.getFileName().toString().startsWith(ResultLayout.STATUS_PREFIX)).toList();
        }
    }

    private static void deleteWithChecksum(Path file) throws IOException {
        Files.delete(file);
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
    }
}
