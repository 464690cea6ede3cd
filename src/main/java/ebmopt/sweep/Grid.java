package ebmopt.sweep;

import com.typesafe.config.ConfigOrigin;

import java.util.List;

/**
 * One grid of a sweep: its axes are crossed, except those named together in a zip group,
 * which advance in lockstep (and must have equal lengths).
 *
 * @param axes      the axes, sorted by key so that expansion order is deterministic
 * @param zipGroups groups of axis keys that advance together
 * @param origin    where the grid was declared
 */
public record Grid(List<Axis> axes, List<List<String>> zipGroups, ConfigOrigin origin) {
    public Grid {
        axes = List.copyOf(axes);
        zipGroups = zipGroups.stream().map(List::copyOf).toList();
    }
}
