package ebmopt.report;

import java.util.List;

/**
 * A study the report will show once its experiment lands, but for which the reference folder
 * holds no figures to compare with (the COMs spiral toy, the Branin task): listed, with what it
 * will show, and no cells yet.
 */
public record PlannedStudy(String id, String title, String description) implements ReproducedTable {

    @Override
    public List<Cell> cells(ReportContext context) {
        return List.of();
    }

    public static PlannedStudy spiral() {
        return new PlannedStudy("coms-spiral", "COMs on the 2-D spiral (COMs-as-EBM, stochastic and decoupled COMs)",
                "Not run: the COMs experiments have not landed. Will show the spiral sample plots (samples of each "
                        + "variant over the data, alpha in {0, 50}, several w) and the share of valid samples near "
                        + "the centre (METHODS.md section 5). No paper figures to compare with numerically.");
    }

    public static PlannedStudy branin() {
        return new PlannedStudy("branin", "Branin toy task (N2CE paper, Appendix D.6)",
                "Not run: the Branin experiment has not landed. Will show the best of Q = 128 SVGD designs against "
                        + "the global maximum -0.398, N = 5000 and N = 50, beside gradient ascent (METHODS.md "
                        + "section 6). No paper figures in the reference folder.");
    }
}
