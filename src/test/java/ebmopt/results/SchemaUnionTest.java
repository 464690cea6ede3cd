package ebmopt.results;

import ebmopt.testing.TestSweeps;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The union rule on tables whose params disagree, as Spark's own union refuses them. */
class SchemaUnionTest {

    private static Dataset<Row> table(SparkSession spark, String sql) {
        return spark.sql(sql);
    }

    @Test
    void clashingParametersBecomeTextNumbersWidenAndMissingOnesAreNull() {
        SparkSession spark = TestSweeps.spark();
        Dataset<Row> gaussian = table(spark, "SELECT 'g' AS trial_id, named_struct('start', array(1.5D, -0.5D), "
                + "'noise_magnitude', 10.0D, 'dim', 5) AS params");
        Dataset<Row> coms = table(spark, "SELECT 'c' AS trial_id, named_struct('start', 'data', "
                + "'noise_magnitude', 100, 'task', 'branin') AS params");
        assertThrows(Exception.class, () -> gaussian.unionByName(coms, true).collectAsList(),
                "Spark's own union should refuse these; if it no longer does, SchemaUnion may be simplified");

        StructType target = SchemaUnion.target(List.of(gaussian.schema(), coms.schema()));
        StructType params = (StructType) target.apply("params").dataType();
        assertEquals(List.of("start", "noise_magnitude", "dim", "task"), List.of(params.fieldNames()));
        assertEquals(DataTypes.StringType, params.apply("start").dataType());
        assertEquals(DataTypes.DoubleType, params.apply("noise_magnitude").dataType());
        assertEquals(DataTypes.IntegerType, params.apply("dim").dataType());

        List<Row> rows = SchemaUnion.union(List.of(gaussian, coms)).orderBy("trial_id").collectAsList();
        Row c = rows.get(0).getStruct(1);
        Row g = rows.get(1).getStruct(1);
        assertEquals("[1.5,-0.5]", g.getString(0));
        assertEquals("data", c.getString(0));
        assertEquals(100.0, c.getDouble(1));
        assertNull(c.get(2));
        assertNull(g.get(3));
    }

    @Test
    void tablesThatAgreeAreUnitedAsTheyAreAndANullStructStaysNull() {
        SparkSession spark = TestSweeps.spark();
        Dataset<Row> a = table(spark, "SELECT 'a' AS trial_id, named_struct('x', 1) AS params");
        Dataset<Row> b = table(spark, "SELECT 'b' AS trial_id, CAST(NULL AS STRUCT<x: INT, y: STRING>) AS params");
        assertEquals(a.schema(), SchemaUnion.target(List.of(a.schema(), a.schema())));
        List<Row> rows = SchemaUnion.union(List.of(a, b)).orderBy("trial_id").collectAsList();
        assertEquals(1, rows.get(0).getStruct(1).getInt(0));
        assertNull(rows.get(0).getStruct(1).get(1));
        assertNull(rows.get(1).get(1));
    }
}
