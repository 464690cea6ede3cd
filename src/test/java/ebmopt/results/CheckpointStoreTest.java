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
        return new CheckpointStore(new ResultLayout(dir.toUri().toString()), trial, new Configuration(), intervalMs);
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
        CheckpointStore store = store("t", 50);
        assertFalse(store.due(), "not right after the start");
        Thread.sleep(80);
        assertTrue(store.due());
        store.save(new byte[] {1});
        assertFalse(store.due(), "not right after a save");
    }
}
