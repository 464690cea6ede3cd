package ebmopt.models.lebm;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The product's ratio network {@link RatioNet} opened to the benchmarks: its parameters in
 * layer order, f(z, k) and the parameter gradients of sum_i c_i f(z_i, k_i), so that
 * {@code ebmopt.bench.SameDiffCheck} can compare it with the benchmark's SameDiff graph of the
 * same function. Lives in the benchmarks' source set ({@code src/bench/java}), in the model's
 * package as its tests do; nothing in the product uses it.
 */
public final class RatioNetProbe {
    private final RatioNet net;

    /** A network as {@link RatioNet#RatioNet(int, int, int, int, long)} builds it. */
    public RatioNetProbe(int latent, int hidden, int blocks, int stages, long seed) {
        net = new RatioNet(latent, hidden, blocks, stages, seed);
    }

    /**
     * Weight [in, out] then bias [1, out] of each layer, in the order zin1, zin2, kin1, kin2,
     * merge, the residual blocks, out (live arrays: writing them changes the network).
     */
    public List<INDArray> parameters() {
        List<INDArray> p = new ArrayList<>();
        for (Dense d : net.layers()) {
            p.add(d.w);
            p.add(d.b);
        }
        return p;
    }

    /** f(z, k) [n, 1] for rows of z in contiguous stage blocks of {@code counts[k]} rows (a copy). */
    public INDArray forward(INDArray z, int[] counts) {
        return net.forward(z, counts).dup();
    }

    /**
     * The gradients of sum_i c_i f(z_i, k_i) at the last {@link #forward}, in the order of
     * {@link #parameters} (copies).
     */
    public List<INDArray> gradients(INDArray c) {
        net.zeroGrad();
        net.backward(c, true, false);
        List<INDArray> g = new ArrayList<>();
        for (Dense d : net.layers()) {
            g.add(d.gw.dup());
            g.add(d.gb.dup());
        }
        return g;
    }
}
