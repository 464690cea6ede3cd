package ebmopt.report;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A design-bench table of the N2CE paper (normalised scores, higher is better), declared from
 * src/main/resources/ebmopt/paper/design_bench_tables.csv: its rows are the paper's methods, its columns the tasks
 * (or the query budget Q). Ours come from the trials that
 * {@code ebmopt/report/design-bench-sources.conf} maps to each method; until a method has a
 * source and trials, its cells read "not run".
 */
public final class DesignBenchTable implements ReproducedTable {
    public static final String PAPER_FILE = "design_bench_tables.csv";
    private static final String SOURCES = "ebmopt/report/design-bench-sources.conf";
    /** The sources file, parsed once: every row of every table reads it. */
    private static final Config SOURCE_CONFIG = ConfigFactory.parseResources(SOURCES).resolve();
    private static final String METHODS = "methods";
    private static final String OURS_ONLY = "ours-only";
    /** How the chance baseline's row (an ours-only row of the sources) begins. */
    private static final String CHANCE_PREFIX = "Chance:";
    /** The chance row's name in the charts. */
    private static final String CHANCE_LABEL = "chance (Q uniform designs)";
    private static final List<String> TASK_ORDER = List.of("tf_bind_8", "tf_bind_10", "chembl", "superconductor",
            "ant", "dkitty", "mean_score", "mean_rank");
    /** The task whose oracle is not exact: its cells (ours) say so. */
    static final String RETRAINED_ORACLE_TASK = "superconductor";
    static final String RETRAINED_ORACLE_NOTE = "; scored by a re-trained oracle (random forest, MLlib)";
    /**
     * The seeds behind each of the paper's means and stds: "Each configuration is run with 5
     * seeds" (N2CE paper, design-bench experiments). Rows the paper copies from other papers
     * may rest on more (design-bench's own baselines used 8 or 16 trials); 5 is the lenient
     * side for those.
     */
    static final int PAPER_SEEDS = 5;
    /** The least span of a score axis: differences of a few thousandths are not drawn as cliffs. */
    static final double SCORE_AXIS_SPAN = 0.1;

    /** What the table's figure shows. */
    enum Figure { TASK_BARS, METHOD_BARS, SCORE_VS_M, SCORE_VS_K, SCORE_VS_Q, NONE }

    private final String id;
    private final String title;
    private final String paperTable;
    private final Predicate<RowParameters> methods;
    private final Figure figure;
    private final List<String> jobs;

    DesignBenchTable(String id, String title, String paperTable, Predicate<RowParameters> methods, Figure figure,
                     List<String> jobs) {
        this.id = id;
        this.title = title;
        this.paperTable = paperTable;
        this.methods = methods;
        this.figure = figure;
        this.jobs = List.copyOf(jobs);
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
    public List<String> jobs() {
        return jobs;
    }

    @Override
    public String description() {
        return "Normalised design-bench score of the best of Q proposed designs (at the table's percentile), mean "
                + "± std over seeds; higher is better. Paper figures: the N2CE paper's (" + PaperFigures.BUNDLED
                + PAPER_FILE + ", the table the "
                + "title names); rows other than N2CE-LEBM are what the N2CE paper reports for other methods. "
                + "mean_score and mean_rank are the paper's across-task summaries.";
    }

    @Override
    public List<Cell> cells(ReportContext context) {
        List<Map<String, String>> paper = context.paperFigures().read(PAPER_FILE, List.of("table", "method", "task",
                "percentile", "q", "mean", "std"));
        Map<String, Integer> rowOrder = new LinkedHashMap<>();
        Map<String, Cell> cells = new LinkedHashMap<>();
        Map<String, Map<String, Ours>> ours = new HashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        String percentile = null;
        for (Map<String, String> r : paper) {
            String method = r.get("method");
            RowParameters parameters = RowParameters.ofPaperMethod(method, r.get("task"), r.get("q"));
            if (!r.get("table").equals(paperTable) || !methods.test(parameters)) {
                continue;
            }
            int order = rowOrder.computeIfAbsent(method, k -> rowOrder.size());
            String column = column(r);
            String key = method + "|" + column;
            if (cells.containsKey(key)) {
                continue; // the paper prints M = 100, K = 6 in both halves of Table 26
            }
            Map<String, Ours> mine = ours.computeIfAbsent(method, k -> ours(context, METHODS + ".\"" + k + "\"",
                    r.get("percentile")));
            if (!r.get("task").equals("mean_rank") && !r.get("task").equals("mean_score")) {
                columns.putIfAbsent(column, r.get("task") + "@" + number(r.get("q")));
            }
            percentile = r.get("percentile");
            Ours o = mine.get(r.get("task") + "@" + number(r.get("q")));
            Double paperMean = Double.valueOf(r.get("mean"));
            Double paperStd = r.get("std").isEmpty() ? null : Double.valueOf(r.get("std"));
            boolean higher = !r.get("task").equals("mean_rank");
            Cell paperOnly = Cell.notRun(id, method, column, order, paperMean, paperStd, PAPER_SEEDS, higher,
                    parameters);
            cells.put(key, o == null ? paperOnly : paperOnly.withOurs(o.mean(), o.std(), o.runs(), o.failed(),
                    sourceText(METHODS + ".\"" + method + "\""), o.scale()
                    + (r.get("task").equals(RETRAINED_ORACLE_TASK) ? RETRAINED_ORACLE_NOTE : "")));
        }
        List<Cell> out = new ArrayList<>(cells.values());
        if (percentile != null) {
            out.addAll(oursOnly(context, columns, percentile, rowOrder.size()));
        }
        out.sort(java.util.Comparator.comparingInt(Cell::order).thenComparingInt(DesignBenchTable::columnOrder));
        return out;
    }

    @Override
    public List<Plot> plots(ReportContext context, List<Cell> cells) {
        if (cells.isEmpty() || figure == Figure.NONE) {
            return List.of();
        }
        boolean anyOurs = cells.stream().anyMatch(c -> c.oursMean() != null);
        String note = anyOurs ? "" : " Ours: not run yet (the paper's figures only).";
        return switch (figure) {
            case TASK_BARS -> List.of(taskBars(cells, note));
            case METHOD_BARS -> methodBars(cells);
            case SCORE_VS_M -> List.of(curve(cells, c -> c.parameters().noiseMagnitude(), "noise magnitude M",
                    Charts.Scale.LOG10, "-m-curve.png",
                    "Score against the noise magnitude M at K = 6 (Superconductor), ours beside the paper's: "
                            + "the design-bench U-curve in M." + note));
            case SCORE_VS_K -> List.of(curve(cells, c -> c.parameters().stages() == null ? null
                            : c.parameters().stages().doubleValue(), "ratio-estimation stages K", Charts.Scale.LINEAR,
                    "-k-curve.png",
                    "Score against the number of stages K at M = 100 (Superconductor), ours beside the paper's."
                            + note));
            case SCORE_VS_Q -> List.of(curve(cells, c -> c.parameters().queryBudget() == null ? null
                            : c.parameters().queryBudget().doubleValue(), "query budget Q", Charts.Scale.LOG2,
                    "-q-curve.png", "Score against the query budget Q (D'Kitty, log scale), ours beside the paper's."
                            + note));
            default -> List.of();
        };
    }

    private Plot taskBars(List<Cell> cells, String note) {
        List<String> tasks = cells.stream().map(Cell::column).filter(DesignBenchTable::isTask).distinct().toList();
        String ourMethod = cells.stream().map(Cell::row).filter(m -> m.startsWith("N2CE-LEBM")).findFirst()
                .orElse(cells.get(0).row());
        List<Charts.Bars> bars = new ArrayList<>();
        bars.add(bars("paper: " + ourMethod, cells, ourMethod, tasks, false));
        if (cells.stream().anyMatch(c -> c.row().equals("COMs"))) {
            bars.add(bars("paper: COMs", cells, "COMs", tasks, false));
        }
        bars.add(bars("ours: " + ourMethod, cells, ourMethod, tasks, true));
        cells.stream().map(Cell::row).filter(row -> row.startsWith(CHANCE_PREFIX)).distinct()
                .forEach(row -> bars.add(bars("ours: " + CHANCE_LABEL, cells, row, tasks, true)));
        return new Plot(id + "-task-bars.png", "Per-task scores of " + ourMethod + ": ours beside the paper's "
                + "(and the paper's COMs for reference), and what Q uniform designs reach where we ran them; "
                + "error bars ± 1 std over seeds. A missing bar: not run."
                + note, Charts.bars(chartTitle(cells), "task", "normalised score", tasks, bars));
    }

    /**
     * One chart per task that has any of ours: every method of the table with the paper's bar and
     * ours, and the chance row, so that the methods compare at a glance. Ours-only rows on another
     * scale (the visible-data scale) are left out.
     */
    private List<Plot> methodBars(List<Cell> cells) {
        List<Plot> plots = new ArrayList<>();
        List<String> tasks = cells.stream().filter(c -> c.oursMean() != null && isTask(c.column()))
                .map(Cell::column).distinct().toList();
        for (String task : tasks) {
            List<Cell> column = methodBarCells(cells, task);
            List<String> methods = column.stream().map(c -> c.row().startsWith(CHANCE_PREFIX)
                    ? CHANCE_LABEL : c.row()).toList();
            List<Charts.Bars> bars = List.of(
                    new Charts.Bars("paper", column.stream().map(Cell::paperMean).toList(),
                            column.stream().map(Cell::paperStd).toList()),
                    new Charts.Bars("ours", column.stream().map(Cell::oursMean).toList(),
                            column.stream().map(Cell::oursStd).toList()));
            plots.add(new Plot(id + "-" + task + "-method-bars.png", task + ": each method's score, ours beside the "
                    + "paper's, and what Q uniform designs reach (no model); error bars ± 1 std over seeds. A missing "
                    + "bar: not run. Settings and budgets of ours: the table above.",
                    Charts.bars(title + ", " + task, "method", "normalised score", methods, bars)));
        }
        return plots;
    }

    /** Whether a column is a task, not one of the paper's across-task summaries (mean_score, mean_rank). */
    private static boolean isTask(String column) {
        return !column.startsWith("mean_");
    }

    /** The cells of one task's method bars: the paper's methods and the chance row, in the table's order. */
    static List<Cell> methodBarCells(List<Cell> cells, String task) {
        return cells.stream().filter(c -> c.column().equals(task))
                .filter(c -> c.paperMean() != null || c.row().startsWith(CHANCE_PREFIX)).toList();
    }

    /** One method's bars over the tasks: ours or the paper's, with the std as error bars. */
    private static Charts.Bars bars(String name, List<Cell> cells, String method, List<String> tasks, boolean ours) {
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (String task : tasks) {
            Cell c = cells.stream().filter(x -> x.row().equals(method) && x.column().equals(task)).findFirst()
                    .orElse(null);
            values.add(c == null ? null : ours ? c.oursMean() : c.paperMean());
            errors.add(c == null ? null : ours ? c.oursStd() : c.paperStd());
        }
        return new Charts.Bars(name, values, errors);
    }

    private Plot curve(List<Cell> cells, Function<Cell, Double> axis, String xTitle, Charts.Scale scale,
                       String suffix, String caption) {
        List<Cell> sorted = cells.stream().sorted(java.util.Comparator.comparingDouble(c -> nan(axis.apply(c))))
                .toList();
        double[] x = sorted.stream().mapToDouble(c -> nan(axis.apply(c))).toArray();
        List<Charts.Line> lines = List.of(
                new Charts.Line("ours", x, sorted.stream().mapToDouble(c -> nan(c.oursMean())).toArray(), false,
                        sorted.stream().mapToDouble(c -> nan(c.oursStd())).toArray()),
                new Charts.Line("paper", x, sorted.stream().mapToDouble(c -> nan(c.paperMean())).toArray(), true,
                        sorted.stream().mapToDouble(c -> nan(c.paperStd())).toArray()));
        return new Plot(id + suffix, caption + " Error bars ± 1 std over seeds.", Charts.lines(Charts.LineChart.of(
                chartTitle(cells), xTitle, "normalised score", lines).withX(scale).withMinimumSpan(SCORE_AXIS_SPAN)));
    }

    /** The table's title, saying so when the figure can only show the paper's numbers. */
    private String chartTitle(List<Cell> cells) {
        return title + (cells.stream().anyMatch(c -> c.oursMean() != null) ? "" : " (ours: not run yet)");
    }

    /**
     * The rows of ours the paper does not print ({@code ours-only} in the sources, e.g. the
     * chance baseline), in the table's columns where they have results; no paper figure.
     */
    private List<Cell> oursOnly(ReportContext context, Map<String, String> columns, String percentile, int order) {
        Config sources = SOURCE_CONFIG;
        List<Cell> out = new ArrayList<>();
        if (!sources.hasPath(OURS_ONLY)) {
            return out;
        }
        for (String row : sources.getObject(OURS_ONLY).keySet().stream().sorted().toList()) {
            String path = OURS_ONLY + ".\"" + row + "\"";
            Map<String, Ours> mine = ours(context, path, percentile);
            for (Map.Entry<String, String> column : columns.entrySet()) {
                Ours o = mine.get(column.getValue());
                if (o != null) {
                    out.add(new Cell(id, row, column.getKey(), order, o.mean(), o.std(), o.runs(), o.failed(), null,
                            null, true, sourceText(path), o.scale()));
                }
            }
            order++;
        }
        return out;
    }

    /**
     * One cell of ours: the mean and std (null with one run) over the done runs of one training
     * budget, the runs and failures, and the text that says which budget and what was left out.
     */
    private record Ours(double mean, Double std, long runs, long failed, String scale) {
    }

    /**
     * Ours for the source at {@code path} of the sources file, task@q -> cell. Trials of
     * different training budgets (its {@code training-budget}: iterations, epochs) are never
     * averaged together: a cell holds the budget with the most done runs, the larger one on a tie
     * (the paper's mean is over seeds: five seeds at a stated budget say more than one at the
     * paper's), and names the runs of other budgets it leaves out.
     */
    private static Map<String, Ours> ours(ReportContext context, String path, String percentile) {
        Config sources = SOURCE_CONFIG;
        Map<String, Ours> out = new HashMap<>();
        if (!sources.hasPath(path)) {
            return out;
        }
        Config source = sources.getConfig(path).withFallback(sources.getConfig("defaults"));
        if (!context.hasExperiment(source.getString("experiment"))) {
            return out;
        }
        String score = source.getString("score").replace("{percentile}", percentile);
        String unit = source.getString("training-unit");
        List<Row> rows = context.spark().sql("SELECT " + source.getString("task") + ", "
                + source.getString("query-budget") + ", CAST(" + source.getString("training-budget") + " AS BIGINT), "
                + DoneRuns.mean(score) + ", " + DoneRuns.std(score) + ", " + DoneRuns.RUNS + ", " + DoneRuns.FAILED
                + " FROM "
                // the alias keeps Spark from reading "WHERE (true)" as an alias with a column list
                + ReportContext.trialsView(source.getString("experiment")) + " AS trials WHERE ("
                + source.getString("where")
                + ")" + context.whereParamsPresent(source.getString("experiment"),
                PaperReading.of(source.getString("experiment"))) + " GROUP BY 1, 2, 3 ORDER BY 6 DESC, 3 DESC")
                .collectAsList();
        Map<String, List<String>> leftOut = new HashMap<>();
        for (Row r : rows) {
            String key = r.get(0) + "@" + number(String.valueOf(r.get(1)));
            if (r.isNullAt(3) || out.containsKey(key)) {
                if (r.getLong(5) > 0) {
                    leftOut.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(BudgetText.entry(r.getLong(5), r.getLong(2)));
                }
                continue;
            }
            out.put(key, new Ours(r.getDouble(3), r.isNullAt(4) ? null : r.getDouble(4), r.getLong(5), r.getLong(6),
                    BudgetText.shown(r.getLong(5), r.getLong(2), unit)));
        }
        leftOut.forEach((key, others) -> out.computeIfPresent(key, (k, o) -> new Ours(o.mean(), o.std(), o.runs(),
                o.failed(), BudgetText.withLeftOut(o.scale(), others, unit))));
        return out;
    }

    private static String sourceText(String path) {
        Config source = SOURCE_CONFIG.getConfig(path);
        return "experiment " + source.getString("experiment") + " where " + source.getString("where");
    }

    /** The column: the task, or "Q = q" for the Q ablation; matched to ours as task@q. */
    private String column(Map<String, String> r) {
        return figure == Figure.SCORE_VS_Q ? "Q = " + r.get("q") : r.get("task");
    }

    /** Tasks in the paper's order; in the Q ablation, by Q. */
    private static int columnOrder(Cell c) {
        int i = TASK_ORDER.indexOf(c.column());
        return i >= 0 ? i : (int) q(c);
    }

    private static double q(Cell c) {
        return c.parameters().queryBudget() == null ? 0 : c.parameters().queryBudget();
    }

    /** "256", "256.0" -> "256": query budgets compared as text. */
    private static String number(String text) {
        try {
            double v = Double.parseDouble(text);
            return v == Math.rint(v) ? String.valueOf((long) v) : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** Methods of Table 26 at K = 6 (the M ablation) or at M = 100 (the K ablation). */
    static Predicate<RowParameters> withStages(int k) {
        return p -> p.stages() != null && p.stages() == k;
    }

    static Predicate<RowParameters> withNoiseMagnitude(int m) {
        return p -> p.noiseMagnitude() != null && p.noiseMagnitude() == m;
    }
}
