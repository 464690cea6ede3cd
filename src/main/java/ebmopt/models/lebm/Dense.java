package ebmopt.models.lebm;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One fully connected layer y = x W + b (W is [in, out]) with its gradient buffers, written
 * directly on ND4J: every product goes through {@link Nd4j#gemm}, which reaches the BLAS rate
 * on these shapes where SameDiff's matmul does not (docs/benchmarks.md).
 */
final class Dense {
    final INDArray w;
    final INDArray b;
    final INDArray gw;
    final INDArray gb;

    /** PyTorch's default initialisation: uniform in +-1/sqrt(in), drawn from {@code rng}. */
    Dense(int in, int out, java.util.Random rng) {
        double bound = 1.0 / Math.sqrt(in);
        w = uniform(new long[] {in, out}, bound, rng);
        b = uniform(new long[] {1, out}, bound, rng);
        gw = Nd4j.zeros(DataType.FLOAT, in, out);
        gb = Nd4j.zeros(DataType.FLOAT, 1, out);
    }

    private static INDArray uniform(long[] shape, double bound, java.util.Random rng) {
        int n = (int) (shape[0] * shape[1]);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
        }
        return Nd4j.createFromArray(v).reshape(shape);
    }

    int in() {
        return w.rows();
    }

    int out() {
        return w.columns();
    }

    /** out = in W + b. */
    void forward(INDArray in, INDArray out) {
        Nd4j.gemm(in, w, out, false, false, 1.0, 0.0);
        out.addiRowVector(b);
    }

    /** out = residual + in W + b: the bias added while copying the residual, then one gemm onto it. */
    void forwardResidual(INDArray in, INDArray residual, INDArray out) {
        Nd4j.getExecutioner().exec(new BroadcastAddOp(residual, b, out, 1));
        Nd4j.gemm(in, w, out, false, false, 1.0, 1.0);
    }

    /**
     * gW += in^T gOut, gb += column sums of gOut, into the given buffers shaped as this layer's
     * gradients (its own, or one part of a batch's: {@code RatioNet}'s passes choose).
     */
    static void accumulate(INDArray in, INDArray gOut, INDArray gw, INDArray gb) {
        Nd4j.gemm(in, gOut, gw, true, false, 1.0, 1.0);
        addColumnSums(gOut, gb);
    }

    /**
     * target [1, h] += the column sums of m [n, h], as the product m^T 1 (a BLAS call, about 3x
     * faster than ND4J's sum over dimension 0 on [12928, 128]).
     */
    static void addColumnSums(INDArray m, INDArray target) {
        Nd4j.gemm(m, ones(m.rows()), target.reshape(target.length(), 1), true, false, 1.0, 1.0);
    }

    private static final java.util.Map<Long, INDArray> ONES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A column of n ones, shared (read-only) by every caller. */
    private static INDArray ones(long n) {
        return ONES.computeIfAbsent(n, k -> Nd4j.ones(DataType.FLOAT, k, 1));
    }

    /** gIn = gOut W^T. */
    void backInput(INDArray gOut, INDArray gIn) {
        Nd4j.gemm(gOut, w, gIn, false, true, 1.0, 0.0);
    }

    void zeroGrad() {
        gw.assign(0);
        gb.assign(0);
    }
}
