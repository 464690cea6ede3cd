package ebmopt.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Rows of doubles (what samplers and tasks hold) to and from float ND4J matrices, through one
 * flat buffer: ND4J's own creation from a {@code double[][]} and its {@code toDoubleMatrix}
 * go row by row and cost more than the networks' arithmetic on these sizes.
 */
public final class RowArrays {
    private RowArrays() {
    }

    /** Rows as a float [n, d] matrix. */
    public static INDArray toArray(double[][] x) {
        int cols = x[0].length;
        float[] flat = new float[x.length * cols];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < cols; k++) {
                flat[i * cols + k] = (float) x[i][k];
            }
        }
        return Nd4j.create(flat, new long[] {x.length, cols}, DataType.FLOAT);
    }

    /** A matrix as rows of doubles. */
    public static double[][] toRows(INDArray m) {
        int rows = m.rows();
        int cols = m.columns();
        float[] flat = flat(m);
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                out[i][k] = flat[i * cols + k];
            }
        }
        return out;
    }

    /** The values of {@code m} in c order, as floats. */
    public static float[] flat(INDArray m) {
        INDArray c = m.isView() || m.ordering() != 'c' || m.dataType() != DataType.FLOAT
                ? m.castTo(DataType.FLOAT).dup('c') : m;
        return c.data().asFloat();
    }
}
