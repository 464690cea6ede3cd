package ebmopt.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our N2CE-LEBM ablation ({@link LebmAblation}) on one TF-Bind task, which the paper has no
 * figure for: per setting of the ablation's axes, the normalised best (score_p100) and median
 * (score_p50) of the Q proposals, mean ± std over seeds with the run count
 * ({@link AblationPoints}). The study of the ablation's last task with trials also draws its
 * curves, score against each axis with one line per task and error bars of one std (so that
 * the curves show beside results, also when only the first task ran).
 */
public final class LebmAblationStudy implements ReproducedTable {
    /** The tasks the ablation jobs run, in report order. */
    static final List<String> TASKS = List.of("tf-bind-8", "tf-bind-10");

    private final LebmAblation ablation;
    private final String task;

    public LebmAblationStudy(LebmAblation ablation, String task) {
        if (!TASKS.contains(task)) {
            throw new IllegalArgumentException("no ablation task " + task + "; known: " + TASKS);
        }
        this.ablation = ablation;
        this.task = task;
    }

    @Override
    public String id() {
        return ablation.id() + "-" + task;
    }

    @Override
    public String title() {
        return "Ours: N2CE-LEBM " + ablation.name() + " on " + taskName(task) + " (no paper figure)";
    }

    @Override
    public String description() {
        String axes = String.join(" and ", ablation.axes().stream().map(LebmAblation.Axis::symbol).toList());
        return "Our " + ablation.name() + " of N2CE-LEBM on " + taskName(task) + " (" + ablation.job() + ": "
                + ablation.design() + ", as written). No paper figure: the paper runs this ablation on other tasks "
                + "only (" + ablation.paperCounterpart() + "). Cells: the normalised score of the best (score_p100) "
                + "and of the median (score_p50) of the Q proposed designs, mean ± std over seeds (runs that "
                + "finished; no std for one run), higher is better. Ours: trials of experiment lebm, objective "
                + "n2ce, task " + task + ", grouped by " + axes + "; when this task's trials exist in several "
                + "configurations (other scales or settings), the one with the most settings is shown, named in "
                + "the settings line. Not run until such trials exist.";
    }

    @Override
    public List<String> jobs() {
        return List.of(ablation.job());
    }

    @Override
    public String rowHeader() {
        return ablation.axesAsColumns() ? "score" : "setting";
    }

    @Override
    public List<Cell> cells(ReportContext context) {
        AblationPoints.Configuration c = AblationPoints.read(context, ablation).get(task);
        if (c == null) {
            return List.of();
        }
        String settings = settings(c);
        String scale = "sweeps: " + c.sweeps();
        List<Cell> cells = new ArrayList<>();
        List<String> scores = LebmAblation.SCORES;
        for (int p = 0; p < c.points().size(); p++) {
            AblationPoints.Point point = c.points().get(p);
            for (int s = 0; s < scores.size(); s++) {
                boolean q = ablation.axesAsColumns();
                double mean = point.mean()[s];
                double std = point.std()[s];
                cells.add(new Cell(id(), q ? scores.get(s) : setting(point), q ? setting(point) : scores.get(s),
                        q ? s : p, Double.isNaN(mean) ? null : mean, Double.isNaN(std) ? null : std, point.runs(),
                        point.failed(), null, null, true, settings, scale));
            }
        }
        cells.sort(Comparator.comparingInt(Cell::order)); // stable: the Q table's columns stay in Q order
        return cells;
    }

    @Override
    public List<Plot> plots(ReportContext context, List<Cell> cells) {
        if (!drawsCurves(context)) {
            return List.of();
        }
        List<Plot> plots = new ArrayList<>();
        for (int a = 0; a < ablation.axes().size(); a++) {
            LebmAblation.Axis axis = ablation.axes().get(a);
            List<Charts.Line> lines = curve(context, a);
            String held = ablation.axes().size() > 1 ? " at the other axis's value the legend names (the one with "
                    + "the most settings of " + axis.symbol() + ")" : "";
            plots.add(new Plot(ablation.id() + "-" + axis.symbol().toLowerCase(Locale.ROOT) + "-curve.png",
                    "Ours (no paper figure): score_p100, the normalised best of the Q proposals, against the "
                            + axis.words() + (axis.scale() != Charts.Scale.LINEAR ? " (log scale)" : "") + held
                            + ", one line per task, "
                            + "error bars ± 1 std over seeds. A task without trials has no line.",
                    Charts.lines(Charts.LineChart.of("N2CE-LEBM " + ablation.name() + " on TF-Bind: score against "
                                    + axis.symbol(), axis.words(), "normalised score (p100)", lines)
                            .withX(axis.scale()).withMinimumSpan(DesignBenchTable.SCORE_AXIS_SPAN))));
        }
        return plots;
    }

    /**
     * Score_p100 against axis {@code a}: one line per task with trials, over the points that share
     * the other axes' values with the most values of {@code a} (named in the line), error bars
     * one std.
     */
    List<Charts.Line> curve(ReportContext context, int a) {
        Map<String, AblationPoints.Configuration> all = AblationPoints.read(context, ablation);
        List<Charts.Line> lines = new ArrayList<>();
        for (String t : TASKS) {
            AblationPoints.Configuration c = all.get(t);
            if (c != null) {
                lines.add(line(taskName(t), slice(c.points(), a), a));
            }
        }
        return lines;
    }

    /** The ablation's last task with trials draws the curves (the tasks' sections then precede them). */
    private boolean drawsCurves(ReportContext context) {
        Map<String, AblationPoints.Configuration> all = AblationPoints.read(context, ablation);
        return task.equals(TASKS.stream().filter(all::containsKey).reduce((a, b) -> b).orElse(null));
    }

    /** "tf-bind-8" -> "TF-Bind-8". */
    static String taskName(String task) {
        return "TF-Bind-" + task.substring("tf-bind-".length());
    }

    /** "M = 1, K = 6": the point's setting. */
    private String setting(AblationPoints.Point point) {
        return setting(point, -1);
    }

    /** The point's setting without axis {@code skip} (-1: all axes). */
    private String setting(AblationPoints.Point point, int skip) {
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < ablation.axes().size(); a++) {
            if (a != skip) {
                parts.add(ablation.axes().get(a).label(point.at()[a]));
            }
        }
        return String.join(", ", parts);
    }

    private String settings(AblationPoints.Configuration c) {
        StringBuilder out = new StringBuilder("N2CE-LEBM on " + task + ", sampler " + c.params().path("sampler")
                .asText());
        for (LebmAblation.Axis f : ablation.fixed()) {
            out.append(", ").append(f.label(c.params().path(f.param()).asDouble()));
        }
        out.append(", ").append(c.params().path("iterations").asLong()).append(" iterations");
        if (c.others() > 0) {
            out.append("; ").append(c.others()).append(" other configuration").append(c.others() == 1 ? "" : "s")
                    .append(" of this task's trials not shown");
        }
        return out.toString();
    }

    /**
     * The points along axis {@code a}: those sharing the other axes' values that have the most
     * values of {@code a} (ties: the paper's reference values, then the first in order).
     */
    private List<AblationPoints.Point> slice(List<AblationPoints.Point> points, int a) {
        Map<List<Double>, List<AblationPoints.Point>> byRest = new LinkedHashMap<>();
        for (AblationPoints.Point p : points) {
            byRest.computeIfAbsent(rest(p.at(), a), k -> new ArrayList<>()).add(p);
        }
        List<Double> reference = rest(ablation.axes().stream().mapToDouble(LebmAblation.Axis::reference).toArray(), a);
        return byRest.entrySet().stream().max(Comparator.comparingInt(
                        (Map.Entry<List<Double>, List<AblationPoints.Point>> e) -> e.getValue().size())
                .thenComparing(e -> e.getKey().equals(reference))).orElseThrow().getValue();
    }

    private Charts.Line line(String taskName, List<AblationPoints.Point> points, int a) {
        String held = ablation.axes().size() > 1 ? " (" + setting(points.get(0), a) + ")" : "";
        return new Charts.Line(taskName + held, points.stream().mapToDouble(p -> p.at()[a]).toArray(),
                points.stream().mapToDouble(p -> p.mean()[0]).toArray(), false,
                points.stream().mapToDouble(p -> p.std()[0]).toArray());
    }

    private static List<Double> rest(double[] at, int a) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < at.length; i++) {
            if (i != a) {
                out.add(at[i]);
            }
        }
        return out;
    }
}
