package ebmopt.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trial's checkpoint file: saved, replaced by a later save, read back, removed; when saves fall due. */
class CheckpointStoreTest {
    @TempDir
    Path dir;

    private CheckpointStore store(String trial, long intervalMs) {
        return new CheckpointStore(layout(), trial, new Configuration(), intervalMs, false);
    }

    private ResultLayout layout() {
        return new ResultLayout(dir.toUri().toString());
    }

    @Test
    void aKeptFinalStateOutlivesTheClearAndIsPreferredOverTheCheckpoint() {
        Configuration hadoop = new Configuration();
        CheckpointStore keeping = new CheckpointStore(layout(), "t1", hadoop, 60_000, true);
        assertTrue(keeping.keepsFinal());
        assertEquals(Optional.empty(), CheckpointStore.mostTrained(layout(), "t1", hadoop));
        keeping.save(new byte[] {1});
        CheckpointStore.Saved running = CheckpointStore.mostTrained(layout(), "t1", hadoop).orElseThrow();
        assertArrayEquals(new byte[] {1}, running.bytes(), "while it trains: the checkpoint");
        assertEquals(CheckpointStore.checkpointFile(layout(), "t1"), running.file());
        keeping.keepFinal(new byte[] {2});
        keeping.clear();
        assertEquals(Optional.empty(), keeping.latest(), "the checkpoint is gone after the commit");
        CheckpointStore.Saved kept = CheckpointStore.mostTrained(layout(), "t1", hadoop).orElseThrow();
        assertArrayEquals(new byte[] {2}, kept.bytes());
        assertEquals(CheckpointStore.finalStateFile(layout(), "t1"), kept.file());

        CheckpointStore notKeeping = store("t2", 60_000);
        assertFalse(notKeeping.keepsFinal());
        notKeeping.keepFinal(new byte[] {3});
        assertEquals(Optional.empty(), CheckpointStore.mostTrained(layout(), "t2", hadoop),
                "without run.keep-final-state nothing is kept");
    }

    @Test
    void aLaterSaveReplacesTheEarlierOneAndClearRemovesIt() {
        CheckpointStore store = store("t1", 60_000);
        assertEquals(Optional.empty(), store.latest());
        store.save(new byte[] {1, 2, 3});
        store.save(new byte[] {4, 5, 6, 7});
        assertArrayEquals(new byte[] {4, 5, 6, 7}, store.latest().orElseThrow());
        // another attempt of the same trial (a new store) reads what the first one saved
        assertArrayEquals(new byte[] {4, 5, 6, 7}, store("t1", 60_000).latest().orElseThrow());
        assertEquals(Optional.empty(), store("t2", 60_000).latest(), "checkpoints are per trial");
        store.clear();
        assertEquals(Optional.empty(), store("t1", 60_000).latest());
    }

    @Test
    void nothingButTheCheckpointIsLeftInItsFolder() throws Exception {
        CheckpointStore store = store("t1", 60_000);
        for (int i = 0; i < 3; i++) {
            store.save(new byte[] {(byte) i});
        }
        try (var files = Files.list(dir.resolve(CheckpointStore.DIR))) {
            assertEquals(1, files.count(), "one file: no temporary files, no checksum twins");
        }
    }

    @Test
    void aSaveIsDueOnceTheIntervalHasPassedAndNeverWhenTheIntervalIsZero() throws Exception {
        assertFalse(store("t", 0).due());
        // An interval far above a stall of a loaded CI machine between two lines of this test.
        CheckpointStore store = store("t", 1000);
        assertFalse(store.due(), "not right after the start");
        Thread.sleep(1200);
        assertTrue(store.due());
        store.save(new byte[] {1});
        assertFalse(store.due(), "not right after a save");
    }
}
