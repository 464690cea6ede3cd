package ebmopt.results;

import ebmopt.config.RecordBinder;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;

/**
 * The Parquet schemas of the result tables. Parameters become typed columns of a
 * {@code params} struct (Spark SQL: {@code params.noise_magnitude}); metrics a
 * {@code map<string,double>} (Spark SQL: {@code metrics['traj_mse']}), so every trial of
 * every experiment shares one metrics type.
 */
public final class ParquetSchemas {
    private ParquetSchemas() {
    }

    /** The {@code trials} table for an experiment whose parameters are {@code paramsType}. */
    public static MessageType trials(Class<? extends Record> paramsType) {
        return Types.buildMessage()
                .addField(string("trial_id", true))
                .addField(string("sweep", true))
                .addField(string("scale", false))
                .addField(string("experiment", true))
                .required(PrimitiveTypeName.INT32).named("replicate")
                .required(PrimitiveTypeName.INT64).named("seed")
                .addField(string("status", true))
                .addField(string("error", false))
                .addField(params(paramsType))
                .addField(map("metrics", Types.optional(PrimitiveTypeName.DOUBLE).named("value")))
                .addField(string("config", true))
                .addField(string("code_version", true))
                .addField(string("backend", true))
                .addField(string("host", true))
                .addField(map("resources", string("value", false)))
                .addField(map("data_checksums", string("value", false)))
                .required(PrimitiveTypeName.INT64).as(timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                .named("started_at")
                .required(PrimitiveTypeName.INT64).named("wall_ms")
                .required(PrimitiveTypeName.INT32).named("attempt")
                .addField(string("commit_id", true))
                .named("trials");
    }

    /** The {@code curves} table: one row per (trial, metric, step). */
    public static MessageType curves() {
        return Types.buildMessage()
                .addField(string("trial_id", true))
                .addField(string("sweep", true))
                .addField(string("metric", true))
                .required(PrimitiveTypeName.INT64).named("step")
                .required(PrimitiveTypeName.DOUBLE).named("value")
                .addField(string("commit_id", true))
                .named("curves");
    }

    /** The {@code candidates} table: one row per (trial, proposed design), {@code idx} its position among them. */
    public static MessageType candidates() {
        return Types.buildMessage()
                .addField(string("trial_id", true))
                .addField(string("sweep", true))
                .required(PrimitiveTypeName.INT32).named("idx")
                .addField(string("design", true))
                .required(PrimitiveTypeName.DOUBLE).named("score")
                .required(PrimitiveTypeName.DOUBLE).named("normalised")
                .addField(string("commit_id", true))
                .named("candidates");
    }

    /**
     * The Spark schema that reading a file of {@code flat} (primitive columns only) yields:
     * every column nullable, as Spark reads Parquet.
     */
    public static StructType sparkType(MessageType flat) {
        List<StructField> fields = new ArrayList<>();
        for (Type field : flat.getFields()) {
            PrimitiveType p = field.asPrimitiveType();
            DataType type = switch (p.getPrimitiveTypeName()) {
                case BINARY -> stringType().equals(p.getLogicalTypeAnnotation()) ? DataTypes.StringType
                        : DataTypes.BinaryType;
                case INT32 -> DataTypes.IntegerType;
                case INT64 -> DataTypes.LongType;
                case DOUBLE -> DataTypes.DoubleType;
                default -> throw new IllegalArgumentException("no Spark type for " + field);
            };
            fields.add(DataTypes.createStructField(field.getName(), type, true));
        }
        return DataTypes.createStructType(fields);
    }

    /** camelCase record component -> snake_case column, e.g. noiseMagnitude -> noise_magnitude. */
    public static String column(String component) {
        return RecordBinder.kebab(component).replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** A configuration key's column: noise-magnitude -> noise_magnitude. */
    public static String columnOfKey(String kebabKey) {
        return kebabKey.replace('-', '_');
    }

    private static GroupType params(Class<? extends Record> type) {
        Types.GroupBuilder<GroupType> group = Types.optionalGroup();
        for (RecordComponent c : type.getRecordComponents()) {
            group.addField(column(c, column(c.getName())));
        }
        return group.named("params");
    }

    private static Type column(RecordComponent c, String name) {
        Class<?> raw = c.getType();
        if (raw == double.class || raw == Double.class) {
            return Types.optional(PrimitiveTypeName.DOUBLE).named(name);
        } else if (raw == int.class || raw == Integer.class) {
            return Types.optional(PrimitiveTypeName.INT32).named(name);
        } else if (raw == long.class || raw == Long.class) {
            return Types.optional(PrimitiveTypeName.INT64).named(name);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
        } else if (raw == String.class || raw.isEnum()) {
            return string(name, false);
        } else if (raw == List.class) {
            java.lang.reflect.Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            Type elementType = element == Double.class ? Types.optional(PrimitiveTypeName.DOUBLE).named("element")
                    : element == Integer.class ? Types.optional(PrimitiveTypeName.INT32).named("element")
                    : string("element", false);
            return Types.optionalList().setElementType(elementType).named(name);
        }
        // Durations, maps and anything else: their rendering, as text.
        return string(name, false);
    }

    private static Type string(String name, boolean required) {
        return (required ? Types.required(PrimitiveTypeName.BINARY) : Types.optional(PrimitiveTypeName.BINARY))
                .as(stringType()).named(name);
    }

    private static GroupType map(String name, Type value) {
        return Types.optionalMap().key(string("key", true)).value(value).named(name);
    }
}
