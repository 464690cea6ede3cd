package ebmopt.report;

import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Gaussian location-family simulation (N2CE paper, Appendix D.1) as reproduced tables:
 * Table 14 (n = 500, the paper's figures in gaussian_table14.csv), Table 13 (n = 2; its
 * figures are not in the reference folder, so ours stand alone) and Figure 1 (d = 2,
 * n = 4000: learning curves). Cells aggregate {@link GaussianTables}; a row run under several
 * settings takes the paper's protocol (eta = 0.2, T = 150, fresh samples every step) if
 * present, else the setting with the most runs, and says which in its settings.
 */
public final class GaussianReproduction implements ReproducedTable {
    private static final String METRIC = "traj_mse";

    private final String id;
    private final String title;
    private final int samples;
    private final int dim;
    private final boolean withPaper;
    private final String job;

    private GaussianReproduction(String id, String title, int samples, int dim, boolean withPaper, String job) {
        this.id = id;
        this.title = title;
        this.samples = samples;
        this.dim = dim;
        this.withPaper = withPaper;
        this.job = job;
    }

    public static GaussianReproduction table14() {
        return new GaussianReproduction("table14", "Table 14: Gaussian location family, n = 500 (N2CE paper)",
                500, 5, true, "jobs/gaussian-table14-n500.conf");
    }

    public static GaussianReproduction table13() {
        return new GaussianReproduction("table13", "Table 13: Gaussian location family, n = 2 (N2CE paper)",
                2, 5, false, "jobs/gaussian-table13-n2.conf");
    }

    public static GaussianReproduction figure1() {
        return new GaussianReproduction("figure1", "Figure 1: trajectories of N2CE(M) and MLE, d = 2, n = 4000",
                4000, 2, false, "jobs/gaussian-figure1.conf");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String description() {
        return "Gradient ascent on the mean a of a Gaussian location family with gradients estimated by N2CE(M) "
                + "(M = 1: NCE), NWJ or, as the reference, the exact MLE gradient. Metric: the trajectory-wise "
                + "mean squared distance (1/T) sum_t |a_t - a*|^2, mean ± std over runs (seeds); lower is better. "
                + (withPaper ? "Paper figures: the N2CE paper's (" + PaperFigures.BUNDLED + GaussianTables.PAPER_FILE
                + ")."
                : "The paper's figures for this setting are not among the bundled ones: ours only.");
    }

    @Override
    public List<Cell> cells(ReportContext context) {
        List<GaussianTables.Line> lines = chosen(context);
        Map<String, String> sweeps = sweeps(context);
        List<Cell> cells = new ArrayList<>();
        Map<String, GaussianTables.Line> byRow = new HashMap<>();
        lines.forEach(l -> byRow.put(rowKey(l.objective(), l.noiseMagnitude()), l));
        int order = 0;
        if (withPaper) {
            List<Map<String, String>> paper = context.paperFigures().read(GaussianTables.PAPER_FILE,
                    List.of("table", "objective", "M", "n", "mean_traj_mse", "std_traj_mse"));
            List<Map<String, String>> rows = paper.stream().filter(r -> Integer.parseInt(r.get("n")) == samples)
                    .sorted(Comparator.comparing((Map<String, String> r) -> r.get("objective").equals("NWJ"))
                            .thenComparingDouble(r -> r.get("M").isEmpty() ? 1 : Double.parseDouble(r.get("M"))))
                    .toList();
            for (Map<String, String> r : rows) {
                String objective = r.get("objective").toLowerCase(java.util.Locale.ROOT);
                double m = r.get("M").isEmpty() ? 1 : Double.parseDouble(r.get("M"));
                GaussianTables.Line line = byRow.remove(rowKey(objective, m));
                cells.add(cell(line, objective, m, order++, Double.valueOf(r.get("mean_traj_mse")),
                        Double.valueOf(r.get("std_traj_mse")), sweeps));
            }
        }
        List<GaussianTables.Line> rest = lines.stream().filter(l -> byRow.containsKey(rowKey(l.objective(),
                l.noiseMagnitude()))).toList();
        for (GaussianTables.Line l : rest) {
            cells.add(cell(l, l.objective(), l.noiseMagnitude(), order++, null, null, sweeps));
        }
        return cells;
    }

    @Override
    public List<String> jobs() {
        return List.of(job);
    }

    @Override
    public String findings(List<Cell> cells) {
        List<Cell> n2ce = cells.stream().filter(c -> "n2ce".equals(c.parameters().method()) && c.oursMean() != null)
                .toList();
        return UShape.sentence("N2CE error", "M", n2ce.stream().map(c -> new UShape.Point(
                c.parameters().noiseMagnitude(), c.ours())).toList(), n2ce.stream().filter(c -> c.paper() != null)
                .map(c -> new UShape.Point(c.parameters().noiseMagnitude(), c.paper())).toList());
    }

    @Override
    public List<Plot> plots(ReportContext context, List<Cell> cells) {
        List<Plot> plots = new ArrayList<>();
        List<Cell> n2ce = cells.stream().filter(c -> "n2ce".equals(c.parameters().method())).toList();
        List<Cell> nwj = cells.stream().filter(c -> "nwj".equals(c.parameters().method())).toList();
        if (n2ce.stream().anyMatch(c -> c.oursMean() != null) && !id.equals("figure1")) {
            double[] m = n2ce.stream().mapToDouble(c -> c.parameters().noiseMagnitude()).toArray();
            List<Charts.Line> lines = new ArrayList<>();
            lines.add(new Charts.Line("ours: N2CE(M)", m, values(n2ce, true), false, stds(n2ce, true)));
            if (n2ce.stream().anyMatch(c -> c.paperMean() != null)) {
                lines.add(new Charts.Line("paper: N2CE(M)", m, values(n2ce, false), true, stds(n2ce, false)));
            }
            double lo = java.util.Arrays.stream(m).min().orElse(1);
            double hi = java.util.Arrays.stream(m).max().orElse(1);
            for (Cell c : nwj) {
                if (c.oursMean() != null) {
                    lines.add(new Charts.Line("ours: NWJ (M -> infinity)", new double[]{lo, hi},
                            new double[]{c.oursMean(), c.oursMean()}, false));
                }
                if (c.paperMean() != null) {
                    lines.add(new Charts.Line("paper: NWJ", new double[]{lo, hi},
                            new double[]{c.paperMean(), c.paperMean()}, true));
                }
            }
            Charts.LineChart chart = Charts.LineChart.of(title + ": error against M", "noise magnitude M",
                    "trajectory MSE", lines).withX(Charts.Scale.LOG10);
            boolean logY = samples < 100; // n = 2: errors over decades
            plots.add(new Plot(id + "-m-curve.png", "The U-curve in M: trajectory MSE of N2CE against the noise "
                    + "magnitude M (log scale), ours (solid, filled) beside the paper's (dashed, hollow), "
                    + (logY ? "both axes logarithmic (no error bars)" : "error bars ± 1 std over runs (cut at the "
                    + "edge of the axis where wider)") + "; NWJ, the M -> infinity limit, as flat lines. Lower is "
                    + "better.",
                    Charts.lines(logY ? chart.withY(Charts.Scale.LOG10) : chart)));
        }
        List<Charts.Line> curves = learningCurves(context);
        if (!curves.isEmpty()) {
            // The exact-gradient (MLE) curve falls geometrically to ~1e-27: clip the axis a decade below the
            // estimators' floor so that their curves stay readable.
            double floor = curves.stream().filter(l -> !l.dashed()).flatMapToDouble(l -> java.util.Arrays.stream(l.y()))
                    .filter(v -> v > 0).min().orElse(1e-6) / 10;
            plots.add(new Plot(id + "-learning-curves.png", "Learning curves: squared distance |a_t - a*|^2 "
                    + "against the gradient step t, mean over runs, per estimator (log scale"
                    + (curves.stream().anyMatch(Charts.Line::dashed) ? "; the exact-gradient MLE curve, dashed, is "
                    + "clipped at the bottom of the axis" : "") + ").",
                    Charts.lines(Charts.LineChart.of(title + ": learning curves", "step t", "|a_t - a*|^2", curves)
                            .withY(Charts.Scale.LOG10).withYFloor(floor).withoutMarkers())));
        }
        return plots;
    }

    private List<Charts.Line> learningCurves(ReportContext context) {
        if (!context.hasExperiment("gaussian")) {
            return List.of();
        }
        List<Row> rows = context.spark().sql("SELECT t.params.objective, t.params.noise_magnitude, c.step, "
                + "avg(c.value) FROM " + ReportContext.CURVES_VIEW + " c JOIN " + ReportContext.trialsView("gaussian")
                + " t ON c.trial_id = t.trial_id AND c.commit_id = t.commit_id "
                + "WHERE t.status = 'done' AND c.metric = 'sq_dist' "
                + "AND t.params.samples = " + samples + " AND t.params.dim = " + dim
                + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").collectAsList();
        // In the query's order (objective, then M numerically), so the legend reads 1, 10, 50, ...
        Map<String, List<double[]>> byEstimator = new LinkedHashMap<>();
        for (Row r : rows) {
            String name = label(r.getString(0), r.getDouble(1));
            byEstimator.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[]{r.getLong(2), r.getDouble(3)});
        }
        List<Charts.Line> lines = new ArrayList<>();
        byEstimator.forEach((name, points) -> lines.add(new Charts.Line(name,
                points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
                name.equals("MLE"))));
        return lines;
    }

    /** The lines of this setting, one per (objective, M): the paper's protocol if run, else the most runs. */
    private List<GaussianTables.Line> chosen(ReportContext context) {
        if (!context.hasExperiment("gaussian")) {
            return List.of();
        }
        List<GaussianTables.Line> all = context.memo("gaussian-lines", () -> GaussianTables.build(context.spark(),
                context.spark().table(ReportContext.trialsView("gaussian")), context.outputRoot(),
                context.paperFigures()));
        Map<String, GaussianTables.Line> best = new TreeMap<>();
        for (GaussianTables.Line l : all) {
            if (l.samples() != samples || l.dim() != dim || l.mean() == null) {
                continue;
            }
            best.merge(rowKey(l.objective(), l.noiseMagnitude()), l, (a, b) -> preferred(a, b) ? a : b);
        }
        return best.values().stream().sorted(Comparator.comparing((GaussianTables.Line l) ->
                l.objective().equals("nwj") || l.objective().equals("mle")).thenComparing(GaussianTables.Line::objective)
                .thenComparingDouble(GaussianTables.Line::noiseMagnitude)).toList();
    }

    private static boolean preferred(GaussianTables.Line a, GaussianTables.Line b) {
        boolean pa = protocol(a);
        boolean pb = protocol(b);
        return pa != pb ? pa : a.runs() >= b.runs();
    }

    private static boolean protocol(GaussianTables.Line l) {
        return l.stepSize() == 0.2 && l.iterations() == 150 && l.sampleRefresh().equals("every-iteration");
    }

    private Cell cell(GaussianTables.Line l, String objective, double m, int order, Double paperMean,
                      Double paperStd, Map<String, String> sweeps) {
        String row = label(objective, m);
        RowParameters parameters = new RowParameters(objective, m, null, null, null);
        if (l == null) {
            return Cell.notRun(id, row, METRIC, order, paperMean, paperStd, paperRuns(paperMean), false, parameters);
        }
        String settings = "n = " + l.samples() + ", d = " + l.dim() + ", eta = " + l.stepSize() + ", T = "
                + l.iterations() + ", samples drawn " + l.sampleRefresh();
        String scale = l.runs() + " runs; sweeps: " + sweeps.getOrDefault(objective + "|" + m, "?");
        return new Cell(id, row, METRIC, order, l.mean(), l.std(), l.done(), l.diverged() + l.failed(), paperMean,
                paperStd, paperRuns(paperMean), false, settings, scale, parameters);
    }

    /** The paper's runs behind a figure (Table 14: 100 per row); 0 without a figure. */
    private static int paperRuns(Double paperMean) {
        return paperMean == null ? 0 : GaussianTables.PAPER_RUNS;
    }

    private Map<String, String> sweeps(ReportContext context) {
        Map<String, String> out = new HashMap<>();
        if (!context.hasExperiment("gaussian")) {
            return out;
        }
        for (Row r : context.spark().sql("SELECT params.objective, params.noise_magnitude, "
                + "concat_ws(', ', sort_array(collect_set(sweep))) FROM " + ReportContext.trialsView("gaussian")
                + " WHERE params.samples = " + samples + " AND params.dim = " + dim
                + " GROUP BY 1, 2").collectAsList()) {
            out.put(r.getString(0) + "|" + r.getDouble(1), r.getString(2));
        }
        return out;
    }

    private static String rowKey(String objective, double m) {
        return objective + "|" + (objective.equals("n2ce") || objective.equals("neg-reweight") ? m : 1.0);
    }

    /** "N2CE, M = 1 (NCE)", "N2CE, M = 100", "NWJ", "MLE". */
    static String label(String objective, double m) {
        return switch (objective) {
            case "n2ce" -> "N2CE, M = " + NumberText.of(m) + (m == 1 ? " (NCE)" : "");
            case "neg-reweight" -> "neg-reweight, M = " + NumberText.of(m);
            default -> objective.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static double[] stds(List<Cell> cells, boolean ours) {
        return cells.stream().mapToDouble(c -> {
            Double v = ours ? c.oursStd() : c.paperStd();
            return v == null ? Double.NaN : v;
        }).toArray();
    }

    private static double[] values(List<Cell> cells, boolean ours) {
        return cells.stream().mapToDouble(c -> {
            Double v = ours ? c.oursMean() : c.paperMean();
            return v == null ? Double.NaN : v;
        }).toArray();
    }
}
