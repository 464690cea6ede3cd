package ebmopt.report;

import ebmopt.results.ParquetSchemas;
import ebmopt.results.ResultLayout;
import ebmopt.results.ResultTables;
import ebmopt.sweep.GridExpander;
import ebmopt.sweep.TrialSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The table printed after a sweep: one row per combination of swept values (replicates
 * and seeds pooled), with the number of trials by status and every metric's mean ± std
 * over the trials that finished. Generic: works for any experiment.
 */
public final class SweepSummary {
    private SweepSummary() {
    }

    public static String render(SparkSession spark, ResultLayout layout, List<TrialSpec> trials) {
        // Axes with fewer distinct values first: they read as the outer grouping (objective, then M).
        Map<String, Set<String>> distinct = new TreeMap<>();
        trials.forEach(t -> t.axes().forEach((k, v) -> distinct.computeIfAbsent(k, x -> new HashSet<>()).add(v)));
        distinct.remove(GridExpander.REPLICATE);
        distinct.remove(GridExpander.SEED);
        List<String> axes = distinct.keySet().stream()
                .sorted(Comparator.comparingInt((String k) -> distinct.get(k).size()).thenComparing(k -> k)).toList();
        List<String> ids = trials.stream().map(TrialSpec::trialId).toList();

        Dataset<Row> all = ResultTables.read(spark, layout, ResultTables.TRIALS);
        Dataset<Row> current = all.join(spark.createDataset(ids, Encoders.STRING()).toDF("trial_id"), "trial_id");
        current.createOrReplaceTempView("summary_trials");
        List<String> metrics = spark.sql("SELECT DISTINCT explode(map_keys(metrics)) FROM summary_trials")
                .as(Encoders.STRING()).collectAsList().stream().sorted().toList();

        List<String> select = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (String axis : axes) {
            String column = ParquetSchemas.columnOfKey(axis);
            select.add("params." + column + " AS `" + axis + "`");
            header.add(axis);
        }
        select.add("count(*) AS trials");
        select.add("sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done");
        header.add("trials");
        header.add("done");
        for (String m : metrics) {
            select.add("avg(CASE WHEN status = 'done' THEN metrics['" + m + "'] END) AS `" + m + "_mean`");
            select.add("stddev(CASE WHEN status = 'done' THEN metrics['" + m + "'] END) AS `" + m + "_std`");
            header.add(m);
        }
        String groupBy = axes.isEmpty() ? "" : " GROUP BY " + String.join(", ", axes.stream()
                .map(a -> "params." + ParquetSchemas.columnOfKey(a)).toList());
        String orderBy = axes.isEmpty() ? "" : " ORDER BY " + String.join(", ", axes.stream()
                .map(a -> "`" + a + "`").toList());
        List<Row> rows = spark.sql("SELECT " + String.join(", ", select) + " FROM summary_trials" + groupBy + orderBy)
                .collectAsList();

        List<List<String>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<String> line = new ArrayList<>();
            int i = 0;
            for (; i < axes.size() + 2; i++) {
                line.add(String.valueOf(row.get(i)));
            }
            for (int m = 0; m < metrics.size(); m++, i += 2) {
                line.add(MarkdownTable.meanStd(row.isNullAt(i) ? null : row.getDouble(i),
                        row.isNullAt(i + 1) ? null : row.getDouble(i + 1)));
            }
            cells.add(line);
        }
        return MarkdownTable.render(header, cells);
    }
}
