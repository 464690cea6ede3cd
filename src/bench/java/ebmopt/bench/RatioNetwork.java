package ebmopt.bench;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The N2CE ratio network f(z, k) of the LEBM (docs/methods.md section 4, paper Table 11), built
 * into a SameDiff graph: k -> sinusoidal embedding (128) -> Linear 128, LReLU -> Linear 128;
 * z -> Linear 128, LReLU -> Linear 128; concat (256) -> LReLU, Linear 128 -> residual blocks
 * (LReLU, Linear 128, + input) -> LReLU, Linear 1. LeakyReLU slope 0.2.
 *
 * <p>Weights are created once with PyTorch's default scale (uniform +-1/sqrt(fan_in)); a
 * second graph built with {@link #build} over the same {@code RatioNetwork} shares them by
 * reference (a sampler graph beside a training graph).
 */
final class RatioNetwork {
    static final double SLOPE = 0.2;
    private final int latent;
    private final int hidden;
    private final int blocks;
    private final boolean transposedWeights;
    private final boolean reluMix;
    private final java.util.Map<String, INDArray> weights = new java.util.LinkedHashMap<>();

    /**
     * @param latent            the latent dimension (20)
     * @param hidden            the hidden width (128)
     * @param blocks            the residual blocks (16 for the optimisation tasks)
     * @param transposedWeights store weights [out, in] as PyTorch does and multiply with
     *                          transposeB (false: [in, out] and SameDiff's fused xw_plus_b)
     * @param reluMix           compute LeakyReLU as 0.2 x + 0.8 relu(x) (the same function)
     *                          instead of SameDiff's leakyrelu op, whose kernels are slow
     */
    RatioNetwork(int latent, int hidden, int blocks, boolean transposedWeights, boolean reluMix) {
        this.latent = latent;
        this.hidden = hidden;
        this.blocks = blocks;
        this.transposedWeights = transposedWeights;
        this.reluMix = reluMix;
        layer("zin1", latent, hidden);
        layer("zin2", hidden, hidden);
        layer("kin1", hidden, hidden);
        layer("kin2", hidden, hidden);
        layer("merge", 2 * hidden, hidden);
        for (int b = 0; b < blocks; b++) {
            layer("block" + b, hidden, hidden);
        }
        layer("out", hidden, 1);
    }

    private void layer(String name, int in, int out) {
        double bound = 1.0 / Math.sqrt(in);
        long[] shape = transposedWeights ? new long[] {out, in} : new long[] {in, out};
        weights.put(name + "_w", Nd4j.rand(DataType.FLOAT, shape).muli(2 * bound).subi(bound));
        weights.put(name + "_b", Nd4j.rand(DataType.FLOAT, out).muli(2 * bound).subi(bound));
    }

    /** The number of trainable parameters. */
    long parameters() {
        return weights.values().stream().mapToLong(INDArray::length).sum();
    }

    /** Multiply-adds of one forward pass of one row (the three matmul FLOP counts use it). */
    long multiplyAddsPerRow() {
        long m = 0;
        for (java.util.Map.Entry<String, INDArray> e : weights.entrySet()) {
            if (e.getKey().endsWith("_w")) {
                m += e.getValue().length();
            }
        }
        return m;
    }

    /**
     * Adds f(z, k) to {@code sd}: z is [n, latent], k is [n, 1] (stage index as a float).
     * Returns f as [n, 1].
     */
    SDVariable build(SameDiff sd, SDVariable z, SDVariable k) {
        for (java.util.Map.Entry<String, INDArray> e : weights.entrySet()) {
            if (!sd.hasVariable(e.getKey())) {
                sd.var(e.getKey(), e.getValue());
            }
        }
        SDVariable zh = linear(sd, "zin2", lrelu(sd, linear(sd, "zin1", z)));
        SDVariable kh = linear(sd, "kin2", lrelu(sd, linear(sd, "kin1", sinusoidal(sd, k))));
        SDVariable x = linear(sd, "merge", lrelu(sd, sd.concat(1, zh, kh)));
        for (int b = 0; b < blocks; b++) {
            x = x.add(linear(sd, "block" + b, lrelu(sd, x)));
        }
        return linear(sd, "out", lrelu(sd, x));
    }

    /** sin/cos embedding of the stage index, as the peer computes it (period base 10000). */
    private SDVariable sinusoidal(SameDiff sd, SDVariable k) {
        int half = hidden / 2;
        float[] freq = new float[half];
        for (int i = 0; i < half; i++) {
            freq[i] = (float) Math.exp(-Math.log(10000) * i / half);
        }
        SDVariable f = sd.constant(Nd4j.createFromArray(freq).reshape(1, half));
        SDVariable a = k.mul(f);
        return sd.concat(1, sd.math.sin(a), sd.math.cos(a));
    }

    private SDVariable linear(SameDiff sd, String name, SDVariable x) {
        SDVariable w = sd.getVariable(name + "_w");
        SDVariable b = sd.getVariable(name + "_b");
        if (transposedWeights) {
            return sd.mmul(x, w, false, true, false).add(b);
        }
        return sd.nn.linear(x, w, b);
    }

    private SDVariable lrelu(SameDiff sd, SDVariable x) {
        if (reluMix) {
            return x.mul(SLOPE).add(sd.nn.relu(x, 0).mul(1 - SLOPE));
        }
        return sd.nn.leakyRelu(x, SLOPE);
    }

    int latent() {
        return latent;
    }

    /** The weight arrays by name (shared by reference with every graph built from this network). */
    java.util.Map<String, INDArray> weights() {
        return weights;
    }
}
