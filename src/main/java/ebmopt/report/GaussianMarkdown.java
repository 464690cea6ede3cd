package ebmopt.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Gaussian tables ({@link GaussianTables}) as Markdown: one section per setting with ours
 * beside the paper, and for the paper's tables where the N2CE error is smallest in M.
 */
public final class GaussianMarkdown {
    private GaussianMarkdown() {
    }

    /** The Markdown rendering: one section per setting, with the U-shape verdict in M. */
    public static String render(List<GaussianTables.Line> lines) {
        StringBuilder out = new StringBuilder("# Gaussian location-family simulation (N2CE paper, Appendix D.1)\n\n")
                .append("Trajectory-wise mean squared distance (1/T) sum_t |a_t - a*|^2, mean ± std over runs. ")
                .append("Paper figures from ").append(GaussianTables.PAPER_FILE).append(" (Table 14); tolerance ±")
                .append(Math.round(GaussianTables.TOLERANCE * 100)).append("% of the paper's mean.\n");
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
                Double rel = l.relativeDifference();
                rows.add(List.of(l.label(), l.objective().equals("nwj") || l.objective().equals("mle") ? "-"
                                : formatM(l.noiseMagnitude()), String.valueOf(l.runs()),
                        String.valueOf(l.diverged() + l.failed()), MarkdownTable.meanStd(l.mean(), l.std()),
                        MarkdownTable.meanStd(l.paperMean(), l.paperStd()),
                        rel == null ? "-" : String.format("%+.1f%%", 100 * rel),
                        l.withinTolerance() == null ? "not in paper" : l.withinTolerance() ? "reproduced" : "off"));
            }
            out.append(MarkdownTable.render(List.of("objective", "M", "runs", "diverged/failed", "ours",
                    "paper", "difference", "verdict"), rows));
            if (setting.startsWith("table")) {
                out.append('\n').append(uShape(part)).append('\n');
            }
        }
        return out.toString();
    }

    /** Where the N2CE error is smallest in M, ours and the paper's. */
    static String uShape(List<GaussianTables.Line> part) {
        List<GaussianTables.Line> n2ce = part.stream().filter(l -> l.objective().equals("n2ce") && l.mean() != null).toList();
        if (n2ce.size() < 3) {
            return "";
        }
        GaussianTables.Line best = n2ce.stream().min(Comparator.comparingDouble(GaussianTables.Line::mean)).orElseThrow();
        boolean falls = true;
        boolean rises = true;
        for (int i = 1; i < n2ce.size(); i++) {
            GaussianTables.Line prev = n2ce.get(i - 1);
            GaussianTables.Line cur = n2ce.get(i);
            if (cur.noiseMagnitude() <= best.noiseMagnitude() && cur.mean() > prev.mean()) {
                falls = false;
            }
            if (prev.noiseMagnitude() >= best.noiseMagnitude() && cur.mean() < prev.mean()) {
                rises = false;
            }
        }
        String paperBest = n2ce.stream().filter(l -> l.paperMean() != null)
                .min(Comparator.comparingDouble(GaussianTables.Line::paperMean)).map(l -> formatM(l.noiseMagnitude()))
                .orElse("-");
        // A U: the smallest M and the largest both clearly (10%) worse than an interior minimum. The
        // far right is heavy-tailed (NWJ-like weights), so its means need not rise monotonically.
        double first = n2ce.get(0).mean();
        double last = n2ce.get(n2ce.size() - 1).mean();
        boolean uShaped = best != n2ce.get(0) && best != n2ce.get(n2ce.size() - 1)
                && first > 1.1 * best.mean() && last > 1.1 * best.mean();
        return "U shape in M: " + (uShaped ? "yes" : "no") + " (N2CE error falls " + (falls ? "monotonically" : "unevenly")
                + " to its minimum at M = " + formatM(best.noiseMagnitude()) + ", then rises "
                + (rises ? "monotonically" : "unevenly")
                + (paperBest.equals("-") ? "" : "; the paper's minimum: M = " + paperBest) + ")\n";
    }

    static String formatM(double m) {
        return m == Math.rint(m) && m < 1e6 ? String.valueOf((long) m) : String.format("%.3g", m);
    }
}
