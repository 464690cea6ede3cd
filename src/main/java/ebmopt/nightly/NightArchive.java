package ebmopt.nightly;

import ebmopt.report.Cell;
import ebmopt.report.ReportJob;
import ebmopt.report.Verdict;
import ebmopt.results.ResultFiles;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The nights kept under {@code output.root/nightly/}: finding the latest earlier night with a
 * report, reading its cells back, and the history CSV with one line per night.
 */
final class NightArchive {
    static final String HISTORY_HEADER = "date,result,regressions,cells_run,reproduced,better,worse,"
            + "no_paper_figure,not_run,trials_done,trials_failed,trials_diverged,wall_s,previous,code_version\n";

    private NightArchive() {
    }

    /** The latest night before {@code date} whose report table exists; null if none. */
    static String previousNight(SparkSession spark, String nightlyDir, LocalDate date) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        String best = null;
        for (String name : ResultFiles.folders(nightlyDir, hadoop)) {
            if (name.matches("\\d{4}-\\d{2}-\\d{2}") && name.compareTo(date.toString()) < 0
                    && ResultFiles.hasAggregatedTable(nightlyDir + "/" + name, ReportJob.TABLE, hadoop)
                    && (best == null || name.compareTo(best) > 0)) {
                best = name;
            }
        }
        return best;
    }

    /** The report cells of an earlier night. */
    static List<Cell> cells(SparkSession spark, String night) {
        List<Cell> cells = new ArrayList<>();
        for (Row r : spark.read().schema(ReportJob.SCHEMA).parquet(
                ResultFiles.aggregatedTable(night, ReportJob.TABLE)).collectAsList()) {
            cells.add(ReportJob.cell(r));
        }
        return cells;
    }

    /** Appends the night's line to the history CSV (created with its header by the first night). */
    static void appendHistory(SparkSession spark, String nightlyDir, LocalDate date, int regressions,
                              List<Cell> cells, long[] trials, double wall, String previous, String code) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        String file = nightlyDir + "/" + NightlyRun.HISTORY;
        String text = ResultFiles.readText(file, hadoop).orElse(HISTORY_HEADER);
        Map<Verdict, Long> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, cells.stream().filter(c -> c.verdict() == v).count());
        }
        text += String.join(",", date.toString(), regressions == 0 ? "ok" : "regression",
                String.valueOf(regressions), String.valueOf(cells.size() - n.get(Verdict.NOT_RUN)),
                String.valueOf(n.get(Verdict.REPRODUCED)), String.valueOf(n.get(Verdict.BETTER)),
                String.valueOf(n.get(Verdict.WORSE)), String.valueOf(n.get(Verdict.NO_PAPER_FIGURE)),
                String.valueOf(n.get(Verdict.NOT_RUN)), String.valueOf(trials[0]), String.valueOf(trials[1]),
                String.valueOf(trials[2]), String.format(Locale.ROOT, "%.0f", wall),
                previous == null ? "" : previous, code.replace(',', ' ')) + "\n";
        ResultFiles.write(file, text, hadoop);
    }
}
