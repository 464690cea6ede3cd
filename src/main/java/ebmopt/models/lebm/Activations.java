package ebmopt.models.lebm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUDerivative;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * LeakyReLU (slope 0.2 everywhere in the LEBM) and its derivative from the fastest ND4J kernels
 * measured on the ratio network's shapes ([12928, 128] floats, one thread; docs/results-log.md,
 * "speed and memory of a paper-scale trial"):
 * libnd4j's own leakyrelu and lrelu_bp ops are 10-20x slower than these, and no call allocates an
 * off-heap temporary (those would pile up faster than the garbage collector frees them).
 */
final class Activations {
    static final double SLOPE = 0.2;

    private Activations() {
    }

    /** out = LeakyReLU(in) = max(0.2 in, in): two passes, 0.2 in written straight into out. */
    static void lrelu(INDArray in, INDArray out) {
        Nd4j.getExecutioner().exec(new ScalarMultiplication(in, null, out, SLOPE));
        Transforms.max(out, in, false);
    }

    /** grad *= LeakyReLU'(pre) (1 where pre &ge; 0, else 0.2), using {@code scratch} (same shape). */
    static void lreluBack(INDArray pre, INDArray grad, INDArray scratch) {
        Nd4j.getExecutioner().exec(new LeakyReLUDerivative(pre, scratch, SLOPE));
        grad.muli(scratch);
    }
}
