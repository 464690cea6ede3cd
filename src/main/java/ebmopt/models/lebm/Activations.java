package ebmopt.models.lebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** LeakyReLU (slope 0.2 everywhere in the LEBM) from fast ND4J kernels, and its derivative. */
final class Activations {
    static final double SLOPE = 0.2;

    private Activations() {
    }

    /**
     * out = LeakyReLU(in) = 0.2 in + 0.8 relu(in): libnd4j's own leakyrelu kernel is ~20x
     * slower than relu (README, Benchmarks).
     */
    static void lrelu(INDArray in, INDArray out) {
        out.assign(in);
        Transforms.relu(out, false);
        out.muli(1 - SLOPE).addi(in.mul(SLOPE));
    }

    /** grad *= LeakyReLU'(pre) = 0.2 + 0.8 step(pre), using {@code scratch} (same shape). */
    static void lreluBack(INDArray pre, INDArray grad, INDArray scratch) {
        scratch.assign(pre);
        Transforms.step(scratch, false);
        scratch.muli(1 - SLOPE).addi(SLOPE);
        grad.muli(scratch);
    }
}
