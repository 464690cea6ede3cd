package ebmopt.results;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pointer file's text, and the replaced versions it keeps. */
class SnapshotPointerTest {

    @Test
    void replacingRecordsWhenThePreviousVersionStoppedBeingCurrent() {
        SnapshotPointer first = SnapshotPointer.replacing("v1", Optional.of(SnapshotVersions.LEGACY), Map.of(), 100L,
                v -> true);
        assertEquals(new SnapshotPointer("v1", Map.of("snapshot", 100L)), first);
        // v0 is gone from disk: dropped; v1 is replaced at 200.
        SnapshotPointer second = SnapshotPointer.replacing("v2", Optional.of("v1"), Map.of("v0", 50L, "snapshot", 100L),
                200L, v -> !v.equals("v0"));
        assertEquals(new SnapshotPointer("v2", Map.of("snapshot", 100L, "v1", 200L)), second);
        assertEquals("v2\nsnapshot 100\nv1 200\n", second.format());
        assertEquals(Optional.of(second), SnapshotPointer.parse(second.format()));
    }

    @Test
    void aBlankOrDamagedPointerNamesNothing() {
        assertEquals(Optional.empty(), SnapshotPointer.parse(""));
        assertEquals(Optional.empty(), SnapshotPointer.parse("v2\nv1 soon\n"));
        assertEquals(Optional.of(new SnapshotPointer("v2", Map.of())), SnapshotPointer.parse("v2\n"));
    }
}
