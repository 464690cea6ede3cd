package ebmopt.results;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The content of a sweep's {@code snapshot.current}: the snapshot version readers take, and the
 * versions it replaced with the time each stopped being current (so that a replaced version is
 * deleted only a grace period after the last reader could have picked it). As text: the current
 * version on the first line, then one {@code <version> <epoch millis>} line per replaced version.
 *
 * @param current   the current version's name
 * @param retiredAt replaced version -> when it stopped being current (epoch millis)
 */
record SnapshotPointer(String current, Map<String, Long> retiredAt) {
    SnapshotPointer {
        retiredAt = Map.copyOf(retiredAt);
    }

    /** The pointer naming {@code version}, which replaces {@code previous} (if any) at {@code nowMillis}. */
    static SnapshotPointer replacing(String version, Optional<String> previous, Map<String, Long> earlier,
                                     long nowMillis, Predicate<String> stillThere) {
        Map<String, Long> retired = new TreeMap<>();
        earlier.forEach((v, at) -> {
            if (stillThere.test(v)) {
                retired.put(v, at);
            }
        });
        previous.filter(p -> !p.equals(version)).ifPresent(p -> retired.put(p, nowMillis));
        retired.remove(version);
        return new SnapshotPointer(version, retired);
    }

    /** The pointer in {@code text}; empty when it is blank or damaged. */
    static Optional<SnapshotPointer> parse(String text) {
        String[] lines = text.strip().split("\n");
        if (lines[0].isBlank()) {
            return Optional.empty();
        }
        Map<String, Long> retired = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].strip().split(" ");
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                retired.put(parts[0], Long.parseLong(parts[1]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new SnapshotPointer(lines[0].strip(), retired));
    }

    String format() {
        StringBuilder text = new StringBuilder(current).append('\n');
        new TreeMap<>(retiredAt).forEach((v, at) -> text.append(v).append(' ').append(at).append('\n'));
        return text.toString();
    }
}
