package ebmopt.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

/**
 * The trials of one {@link LebmAblation}, per task and setting of its axes: experiment lebm,
 * objective n2ce, grouped by task, configuration (every parameter but the axes and the task)
 * and setting. Trials of one task in several configurations (another scale, other settings)
 * are not mixed: the configuration with the most settings is shown (ties: more runs, then the
 * first configuration in text order), and the others are counted.
 */
final class AblationPoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AblationPoints() {
    }

    /**
     * One setting of the axes.
     *
     * @param at     the axes' values, in the ablation's axis order
     * @param mean   per score of {@link LebmAblation#SCORES}, the mean over finished runs (NaN: none)
     * @param std    per score, the sample std over finished runs (NaN below two)
     * @param runs   runs that finished
     * @param failed runs that failed or diverged
     */
    record Point(double[] at, double[] mean, double[] std, long runs, long failed) {
    }

    /**
     * A task's shown configuration.
     *
     * @param params the parameters it holds fixed (the trials' params without the axes and the task)
     * @param sweeps the sweeps its trials came from, ", "-joined
     * @param points its settings, in the axes' order
     * @param others how many other configurations of this task's trials exist (not shown)
     */
    record Configuration(JsonNode params, String sweeps, List<Point> points, int others) {
    }

    /** Task -> its shown configuration; empty without lebm trials. Computed once per report. */
    static Map<String, Configuration> read(ReportContext context, LebmAblation ablation) {
        return context.memo(ablation.id(), () -> compute(context, ablation));
    }

    private static Map<String, Configuration> compute(ReportContext context, LebmAblation ablation) {
        if (!context.hasExperiment("lebm")) {
            return Map.of();
        }
        Dataset<Row> trials = context.spark().table(ReportContext.trialsView("lebm"))
                .where("params.objective = 'n2ce'");
        Column[] held = Arrays.stream(((StructType) trials.schema().apply("params").dataType()).fieldNames())
                .filter(f -> !ablation.varied().contains(f)).map(f -> col("params." + f).as(f)).toArray(Column[]::new);
        List<Column> keys = new ArrayList<>(List.of(col("params.task"), to_json(struct(held))));
        ablation.axes().forEach(a -> keys.add(col("params." + a.param()).cast("double")));
        List<Column> values = new ArrayList<>();
        for (String score : LebmAblation.SCORES) {
            values.add(expr(DoneRuns.mean("metrics['" + score + "']")));
            values.add(expr(DoneRuns.std("metrics['" + score + "']")));
        }
        values.add(expr(DoneRuns.RUNS));
        values.add(expr(DoneRuns.FAILED));
        values.add(expr("concat_ws(', ', sort_array(collect_set(sweep)))"));
        List<Row> rows = trials.groupBy(keys.toArray(Column[]::new))
                .agg(values.get(0), values.subList(1, values.size()).toArray(Column[]::new)).collectAsList();
        int axes = ablation.axes().size();
        int scores = LebmAblation.SCORES.size();
        Map<String, Map<String, List<Point>>> byTask = new TreeMap<>();
        Map<String, TreeSet<String>> sweeps = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] at = new double[axes];
            double[] mean = new double[scores];
            double[] std = new double[scores];
            for (int a = 0; a < axes; a++) {
                at[a] = r.getDouble(2 + a);
            }
            for (int s = 0; s < scores; s++) {
                mean[s] = r.isNullAt(2 + axes + 2 * s) ? Double.NaN : r.getDouble(2 + axes + 2 * s);
                std[s] = r.isNullAt(3 + axes + 2 * s) ? Double.NaN : r.getDouble(3 + axes + 2 * s);
            }
            int tail = 2 + axes + 2 * scores;
            String configuration = r.getString(1);
            byTask.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).computeIfAbsent(configuration,
                    k -> new ArrayList<>()).add(new Point(at, mean, std, r.getLong(tail), r.getLong(tail + 1)));
            sweeps.computeIfAbsent(r.getString(0) + "|" + configuration, k -> new TreeSet<>())
                    .addAll(Arrays.asList(r.getString(tail + 2).split(", ")));
        }
        Map<String, Configuration> out = new LinkedHashMap<>();
        byTask.forEach((task, configurations) -> {
            Map.Entry<String, List<Point>> shown = configurations.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, List<Point>> e) -> e.getValue().size())
                            .thenComparingLong(e -> e.getValue().stream().mapToLong(Point::runs).sum()))
                    .orElseThrow(); // of equals, max keeps the first: the first in text order
            List<Point> points = new ArrayList<>(shown.getValue());
            points.sort(AblationPoints::compare);
            out.put(task, new Configuration(parse(shown.getKey()), String.join(", ",
                    sweeps.get(task + "|" + shown.getKey())), points, configurations.size() - 1));
        });
        return out;
    }

    private static int compare(Point a, Point b) {
        for (int i = 0; i < a.at().length; i++) {
            int c = Double.compare(a.at()[i], b.at()[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("params as JSON: " + json, e);
        }
    }
}
