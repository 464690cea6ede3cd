package ebmopt.results;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

/**
 * The project's published results: finished sweeps kept small enough to commit with the code,
 * so that a fresh clone's report shows them beside the user's own. One folder per sweep:
 *
 * <pre>
 * &lt;dir&gt;/&lt;sweep&gt;/sweep.conf          the resolved configuration it ran with
 * &lt;dir&gt;/&lt;sweep&gt;/publication.conf    when and from where it was published, its trials and code versions
 * &lt;dir&gt;/&lt;sweep&gt;/trials/ curves/ candidates/   its done trials' rows, one Parquet file each
 * </pre>
 *
 * No model states, checkpoints or failed trials. A reader adds the column {@code result_set}
 * ({@link #PUBLISHED} or {@link #OWN}); where a trial is both published and in the user's
 * output root (the same trial id: the same configuration and seed), the user's row is kept
 * and the published one dropped, so nothing is counted twice.
 */
public final class PublishedResults {
    /** The column naming where a row came from. */
    public static final String RESULT_SET = "result_set";
    public static final String PUBLISHED = "published";
    public static final String OWN = "own";
    static final String PUBLICATION = "publication.conf";
    private static final String SWEEP_CONF = "sweep.conf";

    private PublishedResults() {
    }

    /** The published sweeps under {@code dir} (folders with a sweep.conf), by name; none when dir is absent. */
    public static List<String> sweeps(String dir, Configuration hadoop) {
        if (dir == null || dir.isEmpty()) {
            return List.of();
        }
        return ResultFiles.folders(dir, hadoop).stream()
                .filter(name -> ResultFiles.exists(dir + "/" + name + "/" + SWEEP_CONF, hadoop)).sorted().toList();
    }

    /**
     * One line per published sweep for a report's header: its name (which carries its scale),
     * trial count, publication date and code versions, from its publication note.
     */
    public static List<String> describe(String dir, Configuration hadoop) {
        List<String> lines = new ArrayList<>();
        for (String sweep : sweeps(dir, hadoop)) {
            String text = ResultFiles.readText(dir + "/" + sweep + "/" + PUBLICATION, hadoop).orElse("");
            com.typesafe.config.Config note = ConfigFactory.parseString(text);
            lines.add(sweep + " (published" + (note.hasPath("trials") ? ": " + note.getInt("trials") + " trials" : "")
                    + (note.hasPath("published-at") ? ", " + note.getString("published-at").substring(0, 10) : "")
                    + (note.hasPath("code-versions") ? ", code " + String.join(" ", note.getStringList("code-versions"))
                    : "") + ")");
        }
        return lines;
    }

    /**
     * One table of the published sweeps, per experiment (sorted by name), each the union of that
     * experiment's sweeps with {@code result_set = 'published'}.
     */
    public static Map<String, Dataset<Row>> readByExperiment(SparkSession spark, String dir, String table) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Map<String, List<Dataset<Row>>> byExperiment = new TreeMap<>();
        for (String sweep : sweeps(dir, hadoop)) {
            // a published sweep keeps its sweep.conf where a live one does
            String experiment = SweepExperiments.experimentOf(spark, new ResultLayout(dir + "/" + sweep));
            String path = dir + "/" + sweep + "/" + table;
            if (ResultFiles.exists(path, hadoop)) {
                byExperiment.computeIfAbsent(experiment, k -> new ArrayList<>())
                        .add(spark.read().parquet(path).withColumn(RESULT_SET, lit(PUBLISHED)));
            }
        }
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        byExperiment.forEach((experiment, parts) -> tables.put(experiment, SchemaUnion.union(parts)));
        return tables;
    }

    /**
     * The user's tables and the published ones together, per experiment: the user's rows with
     * {@code result_set = 'own'}, and the published rows of every trial the user's tables lack.
     */
    public static Map<String, Dataset<Row>> withPublished(Map<String, Dataset<Row>> own,
                                                          Map<String, Dataset<Row>> published) {
        Map<String, Dataset<Row>> merged = new TreeMap<>();
        own.forEach((experiment, rows) -> merged.put(experiment, rows.withColumn(RESULT_SET, lit(OWN))));
        published.forEach((experiment, rows) -> merged.merge(experiment, rows, (mine, theirs) ->
                SchemaUnion.union(List.of(mine, theirs.join(mine.select(col("trial_id")).distinct(),
                        theirs.col("trial_id").equalTo(mine.col("trial_id")), "left_anti")))));
        return merged;
    }

    /**
     * Publishes the done trials of {@code sweep} into {@code dir/<sweep name>}: each table as one
     * Parquet file, the resolved configuration and a publication note. An earlier publication of
     * the sweep is merged, not lost: its trials that the sweep does not hold done (run on another
     * machine, say) stay, and those it does are replaced by the sweep's. Returns the number of
     * trials published.
     */
    public static long publish(SparkSession spark, ResultLayout sweep, String dir) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        String name = new Path(sweep.sweepDir()).getName();
        String target = dir + "/" + name;
        Dataset<Row> trials = SweepTables.read(spark, sweep, ResultTables.TRIALS).filter(col("status").equalTo("done"));
        List<String> done = trials.select("trial_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        if (done.isEmpty()) {
            throw new IllegalStateException("the sweep " + sweep.sweepDir() + " has no done trials to publish");
        }
        String staging = dir + "/." + name + ".publishing";
        try {
            FileSystem fs = new Path(dir).getFileSystem(hadoop);
            fs.delete(new Path(staging), true);
            Map<String, Dataset<Row>> earlier = earlierTrials(spark, target, done, hadoop);
            for (String table : ResultTables.PER_TRIAL) {
                Dataset<Row> rows = table.equals(ResultTables.TRIALS) ? trials
                        : SweepTables.read(spark, sweep, table).filter(col("trial_id").isin(done.toArray()));
                if (earlier.containsKey(table)) {
                    rows = SchemaUnion.union(List.of(rows, earlier.get(table)));
                }
                // sorted by trial and zstd-compressed: what is committed should be small
                rows.coalesce(1).sortWithinPartitions("trial_id").write().mode(SaveMode.ErrorIfExists)
                        .option("compression", "zstd").parquet(staging + "/" + table);
            }
            String conf = ResultFiles.readText(sweep.sweepConf().toString(), hadoop).orElseThrow(() ->
                    new IllegalStateException("the sweep " + sweep.sweepDir() + " has no sweep.conf"));
            ResultFiles.write(staging + "/" + SWEEP_CONF, conf, hadoop);
            Dataset<Row> allTrials = spark.read().parquet(staging + "/" + ResultTables.TRIALS);
            long count = allTrials.count();
            List<String> versions = allTrials.select("code_version").distinct().sort("code_version")
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            ResultFiles.write(staging + "/" + PUBLICATION, "published-at = \"" + Instant.now() + "\"\n"
                    + "source = \"" + sweep.sweepDir() + "\"\ntrials = " + count + "\ncode-versions = "
                    + ConfigValueFactory.fromIterable(versions).render(ConfigRenderOptions.concise()) + "\n", hadoop);
            removeBookkeeping(AtomicFiles.rawFileSystem(new Path(staging), hadoop), new Path(staging));
            fs.delete(new Path(target), true);
            if (!fs.rename(new Path(staging), new Path(target))) {
                throw new IOException("cannot rename " + staging + " to " + target);
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + sweep.sweepDir() + " into " + dir, e);
        }
    }

    /**
     * The tables of an earlier publication at {@code target} without the trials in {@code replaced};
     * empty without one. Read lazily: they are consumed when the staging copy is written, before
     * the earlier publication is deleted.
     */
    private static Map<String, Dataset<Row>> earlierTrials(SparkSession spark, String target, List<String> replaced,
                                                           Configuration hadoop) {
        Map<String, Dataset<Row>> out = new TreeMap<>();
        if (!ResultFiles.exists(target + "/" + SWEEP_CONF, hadoop)) {
            return out;
        }
        for (String table : ResultTables.PER_TRIAL) {
            String path = target + "/" + table;
            if (ResultFiles.exists(path, hadoop)) {
                out.put(table, spark.read().parquet(path).filter(not(col("trial_id").isin(replaced.toArray()))));
            }
        }
        return out;
    }

    /**
     * Drops Spark's and Hadoop's bookkeeping files (_SUCCESS, .crc): what is committed is the data.
     * {@code fs} is the raw file system, on which the checksum files are visible.
     */
    private static void removeBookkeeping(FileSystem fs, Path dir) throws IOException {
        for (FileStatus f : fs.listStatus(dir)) {
            String n = f.getPath().getName();
            if (f.isDirectory()) {
                removeBookkeeping(fs, f.getPath());
            } else if (n.equals("_SUCCESS") || n.endsWith(".crc")) {
                fs.delete(f.getPath(), false);
            }
        }
    }
}
