package ebmopt.report;

import ebmopt.tasks.SpiralTask;
import ebmopt.tasks.TaskRegistry;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * COMs and its energy-model variants on the 2-D spiral (COMs-as-EBM Sec. 3): per variant and
 * alpha (or w), the spiral metrics as mean ± std over seeds (no paper figures: the paper shows
 * pictures), and per trial the pictures: samples over the data and the reward field (from the
 * {@code candidates} view, when the results have one) and the gradient field the sampler
 * followed (from the curves {@code field_grad_x1/x2}).
 */
public final class ComsSpiralStudy implements ReproducedTable {
    static final List<String> METRICS = List.of("valid_fraction", "valid_near_centre_fraction", "mean_reward",
            "mean_reward_valid", "diversity", "distinct_fraction");
    /** The view of proposed designs (trial_id, sweep, idx, design, score, normalised). */
    private static final double LOW = -1.5;
    private static final double HIGH = 2.0;
    /** The chains' uniform start square, shaded by the reward, the origin marked. */
    private static final PlanePictures.Plane PLANE = PlanePictures.Plane.square(LOW, HIGH, SpiralTask::reward,
            new double[] {0, 0});

    @Override
    public String id() {
        return "coms-spiral";
    }

    @Override
    public String title() {
        return "COMs on the 2-D spiral (COMs-as-EBM Figs. 2-4, S5, S6): original, stochastic and decoupled";
    }

    @Override
    public List<String> jobs() {
        return List.of("jobs/coms-spiral.conf");
    }

    @Override
    public String description() {
        return "Samples of each variant on the spiral task (ebmopt.tasks.SpiralTask, reward exp(-|x|^2)): "
                + "valid_fraction (within 0.1 of the spiral), valid_near_centre_fraction (valid and within 0.6 of "
                + "the origin), mean_reward (all samples), mean_reward_valid, diversity (mean pairwise distance), "
                + "distinct_fraction (occupied 0.05-cells per sample; low = collapse onto modes). Mean ± std over "
                + "seeds. The paper gives pictures, not numbers: no paper column.";
    }

    @Override
    public List<Cell> cells(ReportContext context) {
        if (!context.hasExperiment("coms")) {
            return List.of();
        }
        StringBuilder select = new StringBuilder("SELECT params.variant, params.alpha, params.tilt, " + DoneRuns.RUNS
                + ", " + DoneRuns.FAILED);
        for (String m : METRICS) {
            select.append(", ").append(DoneRuns.mean("metrics['" + m + "']")).append(", ")
                    .append(DoneRuns.std("metrics['" + m + "']"));
        }
        select.append(" FROM ").append(ReportContext.trialsView("coms"))
                .append(" WHERE params.task = 'spiral' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
        List<Cell> cells = new ArrayList<>();
        int order = 0;
        for (Row r : context.spark().sql(select.toString()).collectAsList()) {
            String row = label(r.getString(0), r.getDouble(1), r.getDouble(2));
            for (int m = 0; m < METRICS.size(); m++) {
                Double mean = r.isNullAt(5 + 2 * m) ? null : r.getDouble(5 + 2 * m);
                Double std = r.isNullAt(6 + 2 * m) ? null : r.getDouble(6 + 2 * m);
                cells.add(new Cell(id(), row, METRICS.get(m), order, mean, std, r.getLong(3), r.getLong(4), null, null,
                        true, "experiment coms, task spiral, " + row, r.getLong(3) + " runs"));
            }
            order++;
        }
        return cells;
    }

    @Override
    public List<Plot> plots(ReportContext context, List<Cell> cells) {
        if (cells.isEmpty()) {
            return List.of();
        }
        List<Plot> plots = new ArrayList<>();
        List<String> rows = cells.stream().map(Cell::row).distinct().toList();
        List<List<Double>> values = new ArrayList<>();
        for (String metric : List.of("valid_fraction", "valid_near_centre_fraction", "distinct_fraction")) {
            values.add(rows.stream().map(row -> cells.stream().filter(c -> c.row().equals(row)
                    && c.column().equals(metric)).findFirst().map(Cell::oursMean).orElse(null)).toList());
        }
        plots.add(new Plot(id() + "-summary.png", "Per variant: the share of samples on the spiral, on it near the "
                + "centre, and of distinct cells (low: collapse onto modes).", Charts.bars(title(), "variant",
                "fraction of samples", rows, List.of("valid", "valid near centre", "distinct"), values)));
        plots.addAll(trialPictures(context));
        return plots;
    }

    /** One sample picture (when candidates exist) and one field picture per spiral trial. */
    private List<Plot> trialPictures(ReportContext context) {
        List<Row> trials = context.spark().sql("SELECT trial_id, seed, replicate, params.variant, params.alpha, "
                + "params.tilt FROM " + ReportContext.trialsView("coms") + " WHERE params.task = "
                + "'spiral' AND status = 'done' ORDER BY 4, 5, 6, 3").collectAsList();
        Map<String, Map<Long, double[]>> fields = new HashMap<>();
        for (Row r : context.spark().sql("SELECT c.trial_id, c.metric, c.step, c.value FROM "
                + ReportContext.CURVES_VIEW + " c WHERE c.metric IN ('field_grad_x1', 'field_grad_x2')").collectAsList()) {
            double[] v = fields.computeIfAbsent(r.getString(0), k -> new HashMap<>())
                    .computeIfAbsent(r.getLong(2), k -> new double[2]);
            v[r.getString(1).endsWith("x1") ? 0 : 1] = r.getDouble(3);
        }
        Map<String, List<double[]>> samples = candidates(context);
        List<Plot> plots = new ArrayList<>();
        for (Row t : trials) {
            String trial = t.getString(0);
            String label = label(t.getString(3), t.getDouble(4), t.getDouble(5)) + ", seed " + t.getInt(2);
            String file = id() + "-" + t.getString(3) + "-alpha" + number(t.getDouble(4)) + "-w"
                    + number(t.getDouble(5)) + "-seed" + t.getInt(2);
            double[][] data = data(t.getLong(1));
            if (samples.containsKey(trial)) {
                plots.add(new Plot(file + "-samples.png", "Samples (red) over the data (grey) and the reward field: "
                        + label + ".", PlanePictures.samples(label, PLANE, data,
                        samples.get(trial).toArray(double[][]::new))));
            }
            Map<Long, double[]> field = fields.get(trial);
            if (field != null) {
                double[][] grid = new double[field.size()][];
                field.forEach((step, v) -> grid[step.intValue()] = v);
                plots.add(new Plot(file + "-field.png", "The gradient the sampler follows (grad f; decoupled: "
                        + "w grad f_omega + grad f_theta), longest arrow one cell: " + label + ".",
                        PlanePictures.vectorField(label + " (gradient field)", PLANE, data, grid)));
            }
        }
        return plots;
    }

    /** trial id -> its proposed designs (x1, x2), from the candidates view when it exists. */
    static Map<String, List<double[]>> candidates(ReportContext context) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        if (!context.spark().catalog().tableExists(ReportContext.CANDIDATES_VIEW)) {
            return out;
        }
        for (Row r : context.spark().sql("SELECT c.trial_id, c.design FROM " + ReportContext.CANDIDATES_VIEW + " c JOIN "
                + ReportContext.trialsView("coms") + " t ON c.trial_id = t.trial_id WHERE "
                + "t.params.task = 'spiral' ORDER BY c.trial_id, c.idx").collectAsList()) {
            String[] xy = r.getString(1).split(",");
            out.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }

    private static double[][] data(long seed) {
        SpiralTask task = SpiralTask.generate(TaskRegistry.SPIRAL_POINTS, seed);
        double[][] out = new double[task.visible().rows()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = task.visible().features(i);
        }
        return out;
    }

    static String label(String variant, double alpha, double tilt) {
        return switch (variant) {
            case "decoupled" -> "decoupled, w = " + number(tilt);
            case "original" -> alpha == 0 ? "original, alpha = 0 (gradient ascent)" : "original, alpha = " + number(alpha);
            default -> variant + ", alpha = " + number(alpha);
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
