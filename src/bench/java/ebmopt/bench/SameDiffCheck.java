package ebmopt.bench;

import ebmopt.models.lebm.RatioNetProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compares the product's hand-written ratio network ({@code ebmopt.models.lebm.RatioNet},
 * through {@link RatioNetProbe}) with the benchmark's SameDiff graph of the same function
 * ({@link RatioNetwork}) given the same weights: f(z, k) and the gradient of
 * sum_i c_i f(z_i, k_i) in every parameter. The SameDiff and product figures of
 * {@link N2ceStepBenchmark} time the same function only while these agree.
 */
final class SameDiffCheck {
    private SameDiffCheck() {
    }

    /**
     * Max relative errors (max |product - SameDiff| / max |SameDiff|) of f and of each
     * parameter's gradient, keyed {@code f} and by {@link RatioNetwork}'s weight names.
     *
     * @param counts rows per stage k = 0..K, in contiguous blocks
     */
    static Map<String, Double> errors(int latent, int hidden, int blocks, int[] counts, long seed) {
        RatioNetProbe product = new RatioNetProbe(latent, hidden, blocks, counts.length, seed);
        RatioNetwork graph = new RatioNetwork(latent, hidden, blocks, false, false);
        List<String> names = new ArrayList<>(graph.weights().keySet());
        List<INDArray> params = product.parameters();
        if (params.size() != names.size()) {
            throw new IllegalStateException(params.size() + " product parameters, " + names.size() + " in SameDiff");
        }
        for (int i = 0; i < names.size(); i++) {
            INDArray target = graph.weights().get(names.get(i));
            target.assign(params.get(i).reshape(target.shape()));
        }
        int n = java.util.Arrays.stream(counts).sum();
        INDArray z = Nd4j.randn(DataType.FLOAT, n, latent);
        INDArray k = Nd4j.create(DataType.FLOAT, n, 1);
        for (int stage = 0, row = 0; stage < counts.length; row += counts[stage], stage++) {
            for (int r = row; r < row + counts[stage]; r++) {
                k.putScalar(r, 0, stage);
            }
        }
        INDArray c = Nd4j.randn(DataType.FLOAT, n, 1);

        SameDiff sd = SameDiff.create();
        SDVariable zv = sd.placeHolder("z", DataType.FLOAT, -1, latent);
        SDVariable kv = sd.placeHolder("k", DataType.FLOAT, -1, 1);
        SDVariable cv = sd.placeHolder("c", DataType.FLOAT, -1, 1);
        SDVariable f = graph.build(sd, zv, kv).rename("f");
        sd.setLossVariables(f.mul(cv).sum("loss"));
        Map<String, INDArray> inputs = Map.of("z", z, "k", k, "c", c);

        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("f", relative(product.forward(z, counts), sd.output(inputs, "f").get("f")));
        List<INDArray> grads = product.gradients(c);
        Map<String, INDArray> expected = sd.calculateGradients(inputs, names);
        for (int i = 0; i < names.size(); i++) {
            INDArray want = expected.get(names.get(i));
            errors.put(names.get(i), relative(grads.get(i).reshape(want.shape()), want));
        }
        return errors;
    }

    private static double relative(INDArray got, INDArray want) {
        return got.sub(want).amaxNumber().doubleValue() / Math.max(1e-12, want.amaxNumber().doubleValue());
    }
}
