package ebmopt.results;

import ebmopt.experiment.TrialOutcome.Candidate;
import ebmopt.experiment.TrialOutcome.CurvePoint;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Turns trial results into Parquet rows and writes one file. Used on executors, without a
 * Spark session: each trial's files are written where the trial ran.
 */
public final class ParquetRows {
    private ParquetRows() {
    }

    /** Writes {@code rows} (all of {@code schema}) to a new file at {@code file}. */
    public static void write(Path file, MessageType schema, List<Group> rows, Configuration conf) throws IOException {
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf))
                .withType(schema)
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build()) {
            for (Group row : rows) {
                writer.write(row);
            }
        }
    }

    /** The one row of the trials table for {@code r}. */
    public static Group trialRow(MessageType schema, TrialRecord r, String commitId) {
        Group g = new SimpleGroupFactory(schema).newGroup();
        g.add("trial_id", r.trialId());
        g.add("sweep", r.sweep());
        if (r.scale() != null) {
            g.add("scale", r.scale());
        }
        g.add("experiment", r.experiment());
        g.add("replicate", r.replicate());
        g.add("seed", r.seed());
        g.add("status", r.status().label());
        if (r.error() != null) {
            g.add("error", r.error());
        }
        if (r.params() != null) {
            addParams(g.addGroup("params"), r.params());
        }
        Group metrics = g.addGroup("metrics");
        r.metrics().forEach((k, v) -> metrics.addGroup("key_value").append("key", k).append("value", v));
        g.add("config", r.config());
        g.add("code_version", r.codeVersion());
        g.add("backend", r.backend());
        g.add("host", r.host());
        Group resources = g.addGroup("resources");
        r.resources().forEach((k, v) -> resources.addGroup("key_value").append("key", k).append("value", v));
        Group checksums = g.addGroup("data_checksums");
        r.dataChecksums().forEach((k, v) -> checksums.addGroup("key_value").append("key", k).append("value", v));
        g.add("started_at", r.startedAtMs());
        g.add("wall_ms", r.wallMs());
        g.add("attempt", r.attempt());
        g.add("commit_id", commitId);
        return g;
    }

    /** The rows of the curves table for one trial. */
    public static List<Group> curveRows(MessageType schema, String trialId, String sweep, List<CurvePoint> points,
                                        String commitId) {
        SimpleGroupFactory factory = new SimpleGroupFactory(schema);
        return points.stream().<Group>map(p -> factory.newGroup()
                .append("trial_id", trialId)
                .append("sweep", sweep)
                .append("metric", p.metric())
                .append("step", p.step())
                .append("value", p.value())
                .append("commit_id", commitId)).toList();
    }

    /** The rows of the candidates table for one trial. */
    public static List<Group> candidateRows(MessageType schema, String trialId, String sweep,
                                            List<Candidate> candidates, String commitId) {
        SimpleGroupFactory factory = new SimpleGroupFactory(schema);
        return candidates.stream().<Group>map(c -> factory.newGroup()
                .append("trial_id", trialId)
                .append("sweep", sweep)
                .append("idx", c.index())
                .append("design", c.design())
                .append("score", c.score())
                .append("normalised", c.normalised())
                .append("commit_id", commitId)).toList();
    }

    private static void addParams(Group group, Record params) {
        for (RecordComponent c : params.getClass().getRecordComponents()) {
            Object value;
            try {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(params);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value != null) {
                addValue(group, ParquetSchemas.column(c.getName()), value);
            }
        }
    }

    private static void addValue(Group group, String name, Object value) {
        if (value instanceof Double d) {
            group.add(name, d);
        } else if (value instanceof Integer i) {
            group.add(name, i);
        } else if (value instanceof Long l) {
            group.add(name, l);
        } else if (value instanceof Boolean b) {
            group.add(name, b);
        } else if (value instanceof Enum<?> e) {
            group.add(name, ebmopt.config.RecordBinder.enumName(e));
        } else if (value instanceof List<?> list) {
            Group listGroup = group.addGroup(name);
            for (Object element : list) {
                Group item = listGroup.addGroup("list");
                if (element instanceof Double d) {
                    item.add("element", d);
                } else if (element instanceof Integer i) {
                    item.add("element", i);
                } else {
                    item.add("element", String.valueOf(element));
                }
            }
        } else if (value instanceof Duration d) {
            group.add(name, d.toString());
        } else if (value instanceof Map<?, ?> map) {
            group.add(name, map.toString());
        } else {
            group.add(name, String.valueOf(value));
        }
    }
}
