package ebmopt.report;

import ebmopt.tasks.BraninTask;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Branin toy task of the N2CE paper (Appendix D.6; docs/methods.md section 6): N2CE-LEBM, COMs
 * and gradient ascent with Q = 128 proposals on Branin with N = 5000 and N = 50 visible points
 * (top 10% removed). Cells: f itself (raw, maximised; the global optimum is -0.398) of the best
 * and of the median proposal, and beside them the normalised score of the same two (1 = a
 * global maximum), mean ± std over seeds. The paper shows pictures, not numbers: no paper
 * column. A cell holds one training budget, the one with the most done runs (the larger on a tie),
 * and names the runs it leaves out. Plots: the best score per method and task, and for each method and task the
 * first replicate's proposals over the data and f.
 */
public final class BraninStudy implements ReproducedTable {
    private static final int QUERY_BUDGET = 128;
    private static final Map<String, String> TASKS = Map.of(BraninTask.NAME, "N = 5000", BraninTask.NAME_SMALL,
            "N = 50");
    private static final List<String> TASK_ORDER = List.of(BraninTask.NAME, BraninTask.NAME_SMALL);
    /** f's global maximum, as the description states it. */
    private static final String OPTIMUM = String.format(java.util.Locale.ROOT, "%.3f", BraninTask.MAX_VALUE);
    /** The trial metrics of the cells, in column order, and each one's column label. */
    private static final List<String> METRICS = List.of("raw_best", "raw_median", "score_p100", "score_p50");
    private static final List<String> RAW_METRICS = List.of("raw_best", "raw_median");
    private static final List<String> COLUMNS = List.of("best f (p100; optimum " + OPTIMUM + ")",
            "median f (p50)", "best (p100)", "median (p50)");
    private static final List<Method> METHODS = List.of(
            new Method("N2CE-LEBM (M=100, K=6, SVGD)", "lebm", "params.candidates",
                    "params.objective = 'n2ce' AND params.noise_magnitude = 100 AND params.stages = 6 "
                            + "AND params.sampler = 'svgd'", "params.iterations", "iterations"),
            new Method("COMs", "coms", "params.query_budget",
                    "params.variant = 'original' AND params.alpha_mode = 'dual'", "params.epochs", "epochs"),
            new Method("Gradient ascent", "coms", "params.query_budget",
                    "params.variant = 'original' AND params.alpha_mode = 'fixed' AND params.alpha = 0",
                    "params.epochs", "epochs"),
            // the chance baseline (jobs/random-designs.conf): 128 uniform points of the domain
            new Method("Chance: 128 uniform points (no model)", "random", "params.query_budget", "true", "0", ""));
    /** f over the domain, shaded by its normalised value (darker is better), the maxima marked. */
    private static final PlanePictures.Plane PLANE = new PlanePictures.Plane(BraninTask.X1_LOW, BraninTask.X1_HIGH,
            BraninTask.X2_LOW, BraninTask.X2_HIGH, (x1, x2) -> Math.pow((BraninTask.value(x1, x2)
            - BraninTask.MIN_VALUE) / (BraninTask.MAX_VALUE - BraninTask.MIN_VALUE), 8), BraninTask.MAXIMA);

    /**
     * A row: a method, the experiment that runs it, which of its trials are it, and its training
     * budget (an SQL expression and its unit; runs of different budgets are never averaged).
     */
    private record Method(String label, String experiment, String queryBudget, String where, String trainingBudget,
                          String unit) {
        String filter(String task, ReportContext context) {
            StringBuilder out = new StringBuilder("params.task = '" + task + "' AND " + queryBudget + " = "
                    + QUERY_BUDGET + " AND (" + where + ")");
            out.append(context.whereParamsPresent(experiment, PaperReading.of(experiment)));
            return out.toString();
        }

        /** The view of this method's experiment's trials. */
        String view() {
            return ReportContext.trialsView(experiment);
        }
    }

    @Override
    public String id() {
        return "branin";
    }

    @Override
    public String title() {
        return "Branin toy task (N2CE paper, Appendix D.6): N2CE-LEBM, COMs and gradient ascent, Q = 128";
    }

    @Override
    public List<String> jobs() {
        return List.of("jobs/lebm-branin.conf", "jobs/coms-branin.conf");
    }

    @Override
    public String description() {
        return "Branin's f (maximised; the global optimum is f = " + OPTIMUM + ", at three points) of the best "
                + "(p100) and the median (p50) of Q = 128 proposals, and beside them the same two as normalised "
                + "scores (f - min f) / (max f - min f) over the domain [-5, 10] x [0, 15], 1 = a global maximum; "
                + "N = 5000 and N = 50 uniform points with the top 10% removed (jobs/lebm-branin.conf, "
                + "jobs/coms-branin.conf; the N2CE-LEBM row counts trials with the paper's likelihood only: "
                + "y-weight = recon-weight, decoder-std = 1). The chance row is 128 uniform points of the domain "
                + "(jobs/random-designs.conf), the floor a model must clear. Mean ± std over seeds. The paper shows "
                + "pictures, not numbers: no paper column.";
    }

    @Override
    public List<Cell> cells(ReportContext context) {
        List<Cell> cells = new ArrayList<>();
        for (int m = 0; m < METHODS.size(); m++) {
            Method method = METHODS.get(m);
            if (!context.hasExperiment(method.experiment())) {
                continue;
            }
            for (String task : TASK_ORDER) {
                StringBuilder aggregates = new StringBuilder();
                for (String metric : METRICS) {
                    aggregates.append(", ").append(DoneRuns.mean("metrics['" + metric + "']")).append(", ")
                            .append(DoneRuns.std("metrics['" + metric + "']"));
                }
                List<Row> budgets = budgets(context, method, task, aggregates.toString());
                if (budgets.isEmpty()) {
                    continue;
                }
                Row r = budgets.get(0);
                String settings = "experiment " + method.experiment() + ", task " + task + ", Q = " + QUERY_BUDGET;
                String scale = scale(method, budgets);
                for (int i = 0; i < METRICS.size(); i++) {
                    Double mean = value(r, 3 + 2 * i);
                    if (mean == null && RAW_METRICS.contains(METRICS.get(i))) {
                        // trials recorded before the raw metrics existed
                        continue;
                    }
                    cells.add(new Cell(id(), method.label(), TASKS.get(task) + ", " + COLUMNS.get(i), m, mean,
                            value(r, 4 + 2 * i), r.getLong(1), r.getLong(2), null, null, true, settings, scale));
                }
            }
        }
        return cells;
    }

    /**
     * The method's trials on {@code task} grouped by training budget (budget, done runs, failed
     * runs, then {@code aggregates}), the budget a cell shows first: the most done runs, the larger
     * budget on a tie.
     */
    private static List<Row> budgets(ReportContext context, Method method, String task, String aggregates) {
        return context.spark().sql("SELECT CAST(" + method.trainingBudget() + " AS BIGINT), " + DoneRuns.RUNS + ", "
                + DoneRuns.FAILED + aggregates + " FROM " + method.view() + " WHERE " + method.filter(task, context)
                + " GROUP BY 1 ORDER BY 2 DESC, 1 DESC").collectAsList();
    }

    /** "2 runs at 3000 iterations; not shown: 1 run at 1500 iterations" (no budget for chance). */
    private static String scale(Method method, List<Row> budgets) {
        List<String> others = budgets.stream().skip(1).filter(b -> b.getLong(1) > 0)
                .map(b -> BudgetText.entry(b.getLong(1), b.getLong(0))).toList();
        return BudgetText.withLeftOut(BudgetText.shown(budgets.get(0).getLong(1), budgets.get(0).getLong(0),
                method.unit()), others, method.unit());
    }

    private static Double value(Row r, int i) {
        return r.isNullAt(i) ? null : r.getDouble(i);
    }

    @Override
    public List<Plot> plots(ReportContext context, List<Cell> cells) {
        if (cells.isEmpty()) {
            return List.of();
        }
        List<Plot> plots = new ArrayList<>();
        List<String> methods = cells.stream().map(Cell::row).distinct().toList();
        List<List<Double>> best = new ArrayList<>();
        for (String task : TASK_ORDER) {
            String column = TASKS.get(task) + ", " + COLUMNS.get(0);
            best.add(methods.stream().map(method -> cells.stream().filter(c -> c.row().equals(method)
                    && c.column().equals(column)).findFirst().map(Cell::oursMean).orElse(Double.NaN)).toList());
        }
        plots.add(new Plot(id() + "-best.png", "f of the best of Q = 128 proposals per method, N = 5000 and N = 50 "
                + "(higher is better; the global maxima are f = " + OPTIMUM + ").", Charts.bars(title(), "method",
                "f of the best proposal",
                methods, TASK_ORDER.stream().map(TASKS::get).toList(), best)));
        for (Method method : METHODS) {
            if (!context.hasExperiment(method.experiment())) {
                continue;
            }
            for (String task : TASK_ORDER) {
                List<Row> budgets = budgets(context, method, task, "");
                if (budgets.isEmpty()) {
                    continue;
                }
                // a trial of the budget the cells show
                List<Row> first = context.spark().sql("SELECT trial_id, seed, replicate FROM "
                        + method.view() + " WHERE status = 'done' AND " + method.filter(task, context)
                        + " AND CAST(" + method.trainingBudget() + " AS BIGINT) = " + budgets.get(0).getLong(0)
                        + " ORDER BY replicate, trial_id LIMIT 1").collectAsList();
                if (first.isEmpty()) {
                    continue;
                }
                Row trial = first.get(0);
                double[][] proposals = context.spark().sql("SELECT design FROM " + ReportContext.CANDIDATES_VIEW
                        + " WHERE trial_id = '" + trial.getString(0) + "' ORDER BY idx").collectAsList().stream()
                        .map(r -> java.util.Arrays.stream(r.getString(0).split(",")).mapToDouble(Double::parseDouble)
                                .toArray()).toArray(double[][]::new);
                if (proposals.length == 0) {
                    continue;
                }
                String label = method.label() + ", " + TASKS.get(task) + ", replicate " + trial.getInt(2);
                plots.add(new Plot(id() + "-" + slug(method.label()) + "-" + task + "-samples.png", "Proposals (red) "
                        + "over the visible data (grey) and f (darker is higher; crosses: the three maxima): " + label
                        + ".", PlanePictures.samples(label, PLANE, visible(task, trial.getLong(1)), proposals)));
            }
        }
        return plots;
    }

    /** The visible points of a trial's task, as its seed drew them. */
    private static double[][] visible(String task, long seed) {
        Task t = TaskRegistry.load(task, Path.of("."), seed);
        double[][] out = new double[t.visible().rows()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.visible().features(i);
        }
        return out;
    }

    private static String slug(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
