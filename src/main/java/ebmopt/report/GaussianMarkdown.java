package ebmopt.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The Gaussian tables ({@link GaussianTables}) as Markdown: one section per setting with ours
 * beside the paper, each row's verdict by the report's rule ({@link Verdict}), and for the
 * paper's tables whether the N2CE error is U-shaped in M ({@link UShape}).
 */
public final class GaussianMarkdown {
    private GaussianMarkdown() {
    }

    /** The Markdown rendering: one section per setting, with the U-shape verdict in M. */
    public static String render(List<GaussianTables.Line> lines) {
        StringBuilder out = new StringBuilder("# Gaussian location-family simulation (N2CE paper, Appendix D.1)\n\n")
                .append("Trajectory-wise mean squared distance (1/T) sum_t |a_t - a*|^2, mean ± std over runs; ")
                .append("lower is better. Paper figures from ").append(GaussianTables.PAPER_FILE)
                .append(" (Table 14, ").append(GaussianTables.PAPER_RUNS).append(" runs per row). ")
                .append(Verdict.RULE).append(' ').append(Verdict.Z_MEANING).append('\n');
        List<String> settings = lines.stream().map(GaussianTables.Line::setting).distinct().toList();
        for (String setting : settings) {
            List<GaussianTables.Line> part = lines.stream().filter(l -> l.setting().equals(setting)).toList();
            GaussianTables.Line first = part.get(0);
            out.append("\n## ").append(setting).append(": n = ").append(first.samples()).append(", d = ")
                    .append(first.dim()).append(", eta = ").append(first.stepSize()).append(", T = ")
                    .append(first.iterations()).append(", samples drawn ").append(first.sampleRefresh())
                    .append("\n\n");
            List<List<String>> rows = new ArrayList<>();
            for (GaussianTables.Line l : part) {
                Cell c = cell(l);
                rows.add(List.of(l.label(), l.objective().equals("nwj") || l.objective().equals("mle") ? "-"
                                : NumberText.of(l.noiseMagnitude()), String.valueOf(l.runs()),
                        String.valueOf(l.diverged() + l.failed()), CellText.ours(c), CellText.paper(c),
                        CellText.difference(c), l.verdict().label()));
            }
            out.append(MarkdownTable.render(List.of("objective", "M", "runs", "diverged/failed", "ours",
                    "paper", "difference", "verdict"), rows));
            if (setting.startsWith("table")) {
                out.append('\n').append(uShape(part));
            }
        }
        return out.toString();
    }

    /** "U shape in M: yes (...)" for ours and, at the same M, the paper's; "" below three N2CE rows. */
    static String uShape(List<GaussianTables.Line> part) {
        List<GaussianTables.Line> n2ce = part.stream().filter(l -> l.objective().equals("n2ce") && l.mean() != null)
                .toList();
        String sentence = UShape.sentence("N2CE error", "M", n2ce.stream().map(l -> new UShape.Point(
                l.noiseMagnitude(), new Verdict.Sample(l.mean(), l.std(), l.done()))).toList(),
                n2ce.stream().filter(l -> l.paperMean() != null).map(l -> new UShape.Point(l.noiseMagnitude(),
                        new Verdict.Sample(l.paperMean(), l.paperStd(), GaussianTables.PAPER_RUNS))).toList());
        return sentence.isEmpty() ? "" : sentence + "\n";
    }

    /** A line as a report cell, so that its texts read as the report's do. */
    private static Cell cell(GaussianTables.Line l) {
        return new Cell(GaussianTables.TABLE, l.label(), "traj_mse", 0, l.mean(), l.std(), l.done(),
                l.diverged() + l.failed(), l.paperMean(), l.paperStd(), GaussianTables.PAPER_RUNS, false, "", "",
                RowParameters.NONE);
    }
}
