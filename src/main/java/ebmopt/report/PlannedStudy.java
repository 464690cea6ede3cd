package ebmopt.report;

import java.util.List;

/**
 * A study the report will show once its experiment lands, but for which the reference folder
 * holds no figures to compare with (the Branin task): listed, with what it
 * will show, and no cells yet.
 */
public record PlannedStudy(String id, String title, String description) implements ReproducedTable {

    @Override
    public List<Cell> cells(ReportContext context) {
        return List.of();
    }

    public static PlannedStudy branin() {
        return new PlannedStudy("branin", "Branin toy task (N2CE paper, Appendix D.6)",
                "Not run: the Branin experiment has not landed. Will show the best of Q = 128 SVGD designs against "
                        + "the global maximum -0.398, N = 5000 and N = 50, beside gradient ascent (METHODS.md "
                        + "section 6). No paper figures in the reference folder.");
    }
}
