package ebmopt.models.lebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** LeakyReLU (slope 0.2 everywhere in the LEBM) from fast ND4J kernels, and its derivative. */
final class Activations {
    static final double SLOPE = 0.2;

    private Activations() {
    }

    /**
     * out = LeakyReLU(in) = max(in, 0.2 in), in place in {@code out} without temporaries:
     * libnd4j's own leakyrelu kernel is ~20x slower than these (README, Benchmarks), and an
     * off-heap temporary per call would pile up faster than the garbage collector frees it.
     */
    static void lrelu(INDArray in, INDArray out) {
        out.assign(in).muli(SLOPE);
        Transforms.max(out, in, false);
    }

    /** grad *= LeakyReLU'(pre) = 0.2 + 0.8 step(pre), using {@code scratch} (same shape). */
    static void lreluBack(INDArray pre, INDArray grad, INDArray scratch) {
        scratch.assign(pre);
        Transforms.step(scratch, false);
        scratch.muli(1 - SLOPE).addi(SLOPE);
        grad.muli(scratch);
    }
}
