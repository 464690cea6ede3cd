package ebmopt.results;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.expr;

/**
 * One schema for tables whose columns differ: the trials of two experiments share a
 * {@code params} struct whose fields are each experiment's own parameters, and two
 * experiments may give one parameter name different types ({@code start} is a list of
 * numbers in {@code gaussian} and a word in {@code coms}). Spark refuses to union those.
 *
 * <p>The rule, applied field by field and inside structs: a column every input types alike
 * keeps its type; numbers of different widths become {@code double}; structs are merged
 * field by field; any other disagreement becomes text ({@code to_json} of a list, map or
 * struct, the plain rendering of a scalar). A column an input lacks is null there. Columns
 * keep the order in which they first appear. Each experiment's own trials therefore keep
 * their exact types (read them through the experiment's view); only the table that mixes
 * experiments widens.
 *
 * <p>The same rule yields Spark SQL text ({@link #selectList}), so the view scripts for a
 * plain {@code spark-sql} agree with what {@code submit/sql} registers.
 */
public final class SchemaUnion {
    private SchemaUnion() {
    }

    /** The common schema of {@code inputs} under the rule above. */
    public static StructType target(List<StructType> inputs) {
        return (StructType) merge(new ArrayList<>(inputs));
    }

    /**
     * The {@code SELECT} list that turns rows of {@code input} into rows of {@code target},
     * column for column in the target's order.
     */
    public static List<String> selectList(StructType input, StructType target) {
        List<String> columns = new ArrayList<>();
        for (StructField field : target.fields()) {
            String name = quote(field.name());
            columns.add(convert(name, fieldType(input, field.name()), field.dataType()) + " AS " + name);
        }
        return columns;
    }

    /** Unions {@code tables} (none empty of columns) into one table of their {@link #target} schema. */
    public static Dataset<Row> union(List<Dataset<Row>> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("nothing to union");
        }
        StructType target = target(tables.stream().map(Dataset::schema).toList());
        Dataset<Row> all = null;
        for (Dataset<Row> table : tables) {
            Dataset<Row> aligned = table.schema().equals(target) ? table
                    : table.select(selectList(table.schema(), target).stream().map(e -> expr(e))
                    .toArray(Column[]::new));
            all = all == null ? aligned : all.union(aligned);
        }
        return all;
    }

    private static DataType merge(List<DataType> types) {
        List<DataType> present = types.stream().filter(Objects::nonNull).toList();
        DataType first = present.get(0);
        if (present.stream().allMatch(first::equals)) {
            return first;
        }
        if (present.stream().allMatch(t -> t instanceof StructType)) {
            Map<String, List<DataType>> fields = new LinkedHashMap<>();
            for (DataType t : present) {
                for (StructField f : ((StructType) t).fields()) {
                    fields.computeIfAbsent(f.name(), k -> new ArrayList<>());
                }
            }
            List<StructField> merged = new ArrayList<>();
            fields.forEach((name, ignored) -> {
                List<DataType> each = present.stream().map(t -> fieldType((StructType) t, name)).toList();
                merged.add(DataTypes.createStructField(name, merge(new ArrayList<>(each)), true));
            });
            return DataTypes.createStructType(merged);
        }
        if (present.stream().allMatch(t -> t instanceof NumericType)) {
            return DataTypes.DoubleType;
        }
        return DataTypes.StringType;
    }

    /** The SQL expression that turns {@code source} (of type {@code from}, null: absent) into {@code to}. */
    private static String convert(String source, DataType from, DataType to) {
        if (from == null) {
            return "CAST(NULL AS " + to.sql() + ")";
        }
        if (from.equals(to)) {
            return source;
        }
        if (to instanceof StructType target && from instanceof StructType input) {
            StringBuilder struct = new StringBuilder("named_struct(");
            for (StructField field : target.fields()) {
                String name = quote(field.name());
                if (struct.length() > "named_struct(".length()) {
                    struct.append(", ");
                }
                struct.append('\'').append(field.name()).append("', ")
                        .append(convert(source + "." + name, fieldType(input, field.name()), field.dataType()));
            }
            // A null struct stays null rather than becoming a struct of nulls.
            return "CASE WHEN " + source + " IS NULL THEN NULL ELSE " + struct.append(')') + " END";
        }
        if (to.equals(DataTypes.StringType)) {
            boolean nested = from instanceof StructType || from instanceof org.apache.spark.sql.types.ArrayType
                    || from instanceof org.apache.spark.sql.types.MapType;
            return nested ? "to_json(" + source + ")" : "CAST(" + source + " AS STRING)";
        }
        return "CAST(" + source + " AS " + to.sql() + ")";
    }

    private static DataType fieldType(StructType struct, String name) {
        for (StructField f : struct.fields()) {
            if (f.name().equals(name)) {
                return f.dataType();
            }
        }
        return null;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
