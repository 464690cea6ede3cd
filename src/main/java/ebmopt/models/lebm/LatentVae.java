package ebmopt.models.lebm;

import ebmopt.optim.Adam;
import ebmopt.optim.AdamOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The LEBM's encoder q_phi(z | x, y) and generator g(z) -> (x, y) in one SameDiff graph
 * (docs/methods.md section 4), over token sequences (x one-hot, embedded for the encoder;
 * p(x|z) categorical per position) or real vectors (x min-max normalised; p(x|z) a Gaussian
 * of standard deviation sigma, the decoder's, around g_x(z)), with the negative ELBO as its loss:
 *
 * <pre>
 * loss = mean_n [ recon * -log p(x|z) + yWeight * (y - g_y(z))^2 / 2
 *                 + kl * ( KL(q_phi || N(0, I)) - z . G ) ]  + ortho * sum_W |W^T W - I|^2
 * -log p(x|z) = |x - g_x(z)|^2 / (2 sigma^2) + d log sigma   (real vectors, up to a constant)
 * </pre>
 *
 * where KL(q_phi || p_a) = KL(q_phi || q0) - E_q[sum_k f_k(z)] + const (the telescoped prior,
 * derived from p_a = q0 prod r_k; the paper's Eq. 22 prints this sign the other way) and
 * G = d/dz sum_k f_k(z) at the same reparameterised z = mu + sigma eps, supplied by the ratio
 * network as a constant: the term's gradient in phi is then exactly -G dz/dphi. The
 * generator also has a graph over a free latent input {@code zs} for the samplers.
 */
final class LatentVae {
    static final int EMBED = 32;
    /** The generator's layers in order: four hidden, then the x and y heads. */
    private static final List<String> GENERATOR_LAYERS = List.of("gen0", "gen1", "gen2", "gen3", "gen_x", "gen_y");
    private final SameDiff sd = SameDiff.create();
    private final SameDiff sampler = SameDiff.create();
    /** L (tokens) or d (features). */
    private final int positions;
    /** V, or 0 for real vectors. */
    private final int vocabulary;
    private final int latent;
    private final List<String> params = new ArrayList<>();
    private final java.util.Random rng;
    /** The training loss's gradients, by hand (the graph {@code sd} defines the loss; tests compare the two). */
    private final ElboGradients elbo;

    /**
     * A VAE over token sequences of {@code positions} positions and {@code vocabulary} tokens.
     */
    LatentVae(int positions, int vocabulary, int latent, VaeWeights weights, long seed) {
        this(positions, vocabulary, latent, weights, 1.0, seed, true);
    }

    /**
     * A VAE over real vectors of {@code dimension} features (min-max normalised by the caller),
     * p(x|z) a Gaussian of standard deviation {@code decoderStd} in every feature.
     */
    static LatentVae continuous(int dimension, int latent, VaeWeights weights, double decoderStd, long seed) {
        return new LatentVae(dimension, 0, latent, weights, decoderStd, seed, false);
    }

    private LatentVae(int positions, int vocabulary, int latent, VaeWeights weights, double decoderStd, long seed,
                      boolean discrete) {
        this.positions = positions;
        this.vocabulary = vocabulary;
        this.latent = latent;
        this.rng = new java.util.Random(seed);
        int width = discrete ? positions * vocabulary : positions;
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, width);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, latent);
        SDVariable priorGrad = sd.placeHolder("priorGrad", DataType.FLOAT, -1, latent);

        SDVariable xe = x;
        if (discrete) {
            // PyTorch's nn.Embedding initialisation: N(0, 1)
            SDVariable emb = param("embed", vocabulary, EMBED, rng::nextGaussian);
            xe = sd.reshape(sd.mmul(sd.reshape(x, -1, vocabulary), emb), -1, (long) positions * EMBED);
        }
        int encoded = discrete ? positions * EMBED : positions;
        SDVariable h = lrelu(linear("enc1", sd.concat(1, xe, y.mul(weights.encoderY())), encoded + 1, 128));
        h = lrelu(linear("enc2", h, 128, 128));
        SDVariable mu = sd.identity("mu", linear("enc_mu", h, 128, latent));
        SDVariable logvar = sd.identity("logvar", linear("enc_logvar", h, 128, latent));
        SDVariable z = sd.math.exp(logvar.mul(0.5)).mul(eps).add("z", mu);

        int[] gen = {latent, 128, 64, 32, 32};
        SDVariable[] out = generator(z, gen, width);

        SDVariable gx = out[0];
        SDVariable yhat = out[1];
        SDVariable xNll;
        if (discrete) {
            xNll = categoricalNll(sd, gx, x, positions, vocabulary);
        } else {
            // a Gaussian of standard deviation decoderStd around the generator's mean (up to 0.5 d log 2 pi)
            xNll = sd.sum(gx.sub(x).mul(gx.sub(x)), 1).mul(0.5 / (decoderStd * decoderStd))
                    .add(positions * Math.log(decoderStd));
        }
        // (a sum over a dimension of size 1 fails in SameDiff M2.1: BaseReduceOp.noOp; reshape instead)
        SDVariable yNll = sd.reshape(yhat.sub(y).mul(yhat.sub(y)), -1).mul(0.5);
        sd.identity("recon_nll", xNll.add(yNll));
        // recon * (xNll + (yWeight / recon) yNll): at yWeight = recon the ratio is exactly 1 and this is,
        // to the bit, the single weight on -log p(x, y | z) it replaced
        SDVariable weightedRecon = xNll.add(yNll.mul(weights.y() / weights.reconstruction()));
        SDVariable klGauss = sd.sum(mu.mul(mu).add(sd.math.exp(logvar)).sub(logvar).sub(1.0), 1).mul(0.5);
        klGauss.rename("kl_q0");
        SDVariable energy = sd.sum(z.mul(priorGrad), 1);
        SDVariable perExample = weightedRecon.mul(weights.reconstruction())
                .add(klGauss.sub(energy).mul(weights.kl()));
        SDVariable ortho = sd.constant(Nd4j.scalar(DataType.FLOAT, 0f));
        for (String layer : GENERATOR_LAYERS) {
            SDVariable w = sd.getVariable(layer + "_w");
            SDVariable gram = sd.mmul(w, w, true, false, false);
            SDVariable diff = gram.sub(sd.constant(Nd4j.eye(w.getShape()[1]).castTo(DataType.FLOAT)));
            ortho = ortho.add(sd.sum(diff.mul(diff)));
        }
        sd.mean(perExample).add("loss", ortho.mul(weights.orthogonal()));
        sd.setLossVariables("loss");
        // The samplers' graph: the generator over a free input zs, its variables sharing the
        // training graph's arrays (updated in place by Adam). A graph of its own, because
        // switching one graph's loss variable would rebuild its gradient function every call.
        SDVariable zs = sampler.placeHolder("zs", DataType.FLOAT, -1, latent);
        SDVariable hs = zs;
        for (String layer : GENERATOR_LAYERS) {
            SDVariable w = sampler.var(layer + "_w", sd.getVariable(layer + "_w").getArr());
            SDVariable b = sampler.var(layer + "_b", sd.getVariable(layer + "_b").getArr());
            if (layer.startsWith("gen_")) {
                sampler.identity(layer.equals("gen_x") ? "gs" : "ys", hs.mmul(w).add(b));
            } else {
                SDVariable a = hs.mmul(w).add(b);
                hs = a.mul(Activations.SLOPE).add(sampler.nn.relu(a, 0).mul(1 - Activations.SLOPE));
            }
        }
        sampler.setLossVariables("ys");
        QuietGradients.create(sd);
        QuietGradients.create(sampler);
        Map<String, INDArray> arrays = new HashMap<>();
        params.forEach(name -> arrays.put(name, sd.getVariable(name).getArr()));
        elbo = new ElboGradients(arrays, List.copyOf(params), GENERATOR_LAYERS, weights, positions, vocabulary,
                decoderStd);
    }

    /**
     * -log p(x | logits) of one-hot x ([n, L*V]) under a categorical per position, summed over
     * the L positions: [n]. The log-sum-exp subtracts the largest logit by hand because SameDiff
     * M2.1's logSoftmax is the log of an underflowed softmax: -inf once a logit trails the
     * largest by ~104, and -inf times x's zero made the NLL NaN once the decoder grew that
     * confident (TF-Bind trials at ~5000 iterations).
     */
    static SDVariable categoricalNll(SameDiff sd, SDVariable logits, SDVariable x, int positions, int vocabulary) {
        SDVariable a = sd.reshape(logits, -1, vocabulary);
        SDVariable max = sd.max(a, true, 1);
        SDVariable logSumExp = sd.math.log(sd.sum(sd.math.exp(a.sub(max)), true, 1)).add(max);
        SDVariable chosen = sd.sum(a.mul(sd.reshape(x, -1, vocabulary)), true, 1);
        return sd.sum(sd.reshape(logSumExp.sub(chosen), -1, positions), 1);
    }

    /**
     * g(z): the hidden layers, then two heads, logits (L*V) and y (1). Two heads rather than
     * one layer sliced apart: SameDiff M2.1 back-propagates wrongly through the slice (the
     * gradients disagreed with finite differences).
     */
    private SDVariable[] generator(SDVariable z, int[] sizes, int xWidth) {
        SDVariable h = z;
        for (int i = 0; i < sizes.length - 1; i++) {
            h = lrelu(linear("gen" + i, h, sizes[i], sizes[i + 1]));
        }
        int last = sizes[sizes.length - 1];
        return new SDVariable[] {linear("gen_x", h, last, xWidth), linear("gen_y", h, last, 1)};
    }

    /** A linear layer; its variables are created on first use (PyTorch's uniform init) and shared after. */
    private SDVariable linear(String name, SDVariable in, int fanIn, int fanOut) {
        SDVariable w = sd.hasVariable(name + "_w") ? sd.getVariable(name + "_w") : param(name + "_w", fanIn, fanOut,
                uniform(1.0 / Math.sqrt(fanIn)));
        SDVariable b = sd.hasVariable(name + "_b") ? sd.getVariable(name + "_b") : param(name + "_b", 1, fanOut,
                uniform(1.0 / Math.sqrt(fanIn)));
        return in.mmul(w).add(b);
    }

    /** PyTorch's Linear initialisation: uniform in +-bound. */
    private java.util.function.DoubleSupplier uniform(double bound) {
        return () -> (2 * rng.nextDouble() - 1) * bound;
    }

    /** A trainable [rows, cols] variable, each entry drawn from {@code init}. */
    private SDVariable param(String name, int rows, int cols, java.util.function.DoubleSupplier init) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) init.getAsDouble();
        }
        params.add(name);
        return sd.var(name, Nd4j.createFromArray(v).reshape(rows, cols));
    }

    private SDVariable lrelu(SDVariable x) {
        return x.mul(Activations.SLOPE).add(sd.nn.relu(x, 0).mul(1 - Activations.SLOPE));
    }

    /** An Adam group over every encoder and generator parameter (gradients set per step). */
    Adam optimiser(double lr, double beta1, double beta2, double clipNorm) {
        Adam adam = new Adam(lr, AdamOptions.pytorch(beta1, beta2, clipNorm));
        for (String p : params) {
            INDArray a = sd.getVariable(p).getArr();
            adam.add(a, a.ulike());
        }
        return adam;
    }

    /** One-hot [n, L*V] of token rows. */
    INDArray oneHot(int[][] tokens) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, tokens.length, (long) positions * vocabulary);
        for (int i = 0; i < tokens.length; i++) {
            for (int p = 0; p < positions; p++) {
                x.putScalar(i, (long) p * vocabulary + tokens[i][p], 1f);
            }
        }
        return x;
    }

    /** The posterior's mean and log-variance {mu, logvar}, each [n, latent]. */
    INDArray[] posterior(INDArray x, INDArray y) {
        Map<String, INDArray> out = sd.output(Map.of("x", x, "y", y), "mu", "logvar");
        return new INDArray[] {out.get("mu"), out.get("logvar")};
    }

    /** The loss and its parts {loss, recon_nll, kl_q0} without gradients. */
    double[] loss(INDArray x, INDArray y, INDArray eps, INDArray priorGrad) {
        Map<String, INDArray> out = sd.output(Map.of("x", x, "y", y, "eps", eps, "priorGrad", priorGrad),
                "loss", "recon_nll", "kl_q0");
        return new double[] {out.get("loss").getDouble(0), out.get("recon_nll").meanNumber().doubleValue(),
            out.get("kl_q0").meanNumber().doubleValue()};
    }

    /** The loss's gradient in one parameter (tests). */
    INDArray gradientOf(String name, INDArray x, INDArray y, INDArray eps, INDArray priorGrad) {
        return sd.calculateGradients(Map.of("x", x, "y", y, "eps", eps, "priorGrad", priorGrad), name).get(name);
    }

    /** A parameter's array by name (shared with the optimiser). */
    INDArray parameter(String name) {
        return sd.getVariable(name).getArr();
    }

    /** The reparameterised posterior sample z = mu + sigma eps of each row. */
    INDArray encode(INDArray x, INDArray y, INDArray eps) {
        return sd.output(Map.of("x", x, "y", y, "eps", eps), "z").get("z");
    }

    /**
     * The loss's gradients at one batch; writes them into {@code adam}'s gradient slots (in
     * parameter order) and returns the loss and its parts {loss, recon_nll, kl_q0}.
     */
    double[] gradients(INDArray x, INDArray y, INDArray eps, INDArray priorGrad, Adam adam) {
        INDArray[] grads = new INDArray[params.size()];
        double[] loss = elbo.compute(x, y, eps, priorGrad, grads);
        for (int i = 0; i < grads.length; i++) {
            adam.gradient(i, grads[i]);
        }
        return loss;
    }

    /** The hand-written loss's gradients in every parameter, in {@link #parameterNames} order (tests). */
    INDArray[] elboGradients(INDArray x, INDArray y, INDArray eps, INDArray priorGrad) {
        INDArray[] grads = new INDArray[params.size()];
        elbo.compute(x, y, eps, priorGrad, grads);
        return grads;
    }

    /** The parameters' names in the optimiser's order. */
    List<String> parameterNames() {
        return List.copyOf(params);
    }

    /** g_y(z) [n, 1] and its gradient in z [n, latent] at sampler particles. */
    INDArray[] scoreAndGradient(INDArray zs) {
        Map<String, INDArray> ph = Map.of("zs", zs);
        INDArray ys = sampler.output(ph, "ys").get("ys").reshape(-1, 1);
        INDArray grad = sampler.calculateGradients(ph, "zs").get("zs");
        return new INDArray[] {ys, grad};
    }

    /** g_y(z) [n, 1]: the model's own (normalised) score of the designs it decodes from z. */
    INDArray score(INDArray zs) {
        return sampler.output(Map.of("zs", zs), "ys").get("ys").reshape(-1, 1);
    }

    /** The generator's mean g_x(z) of real-vector designs, in the normalised coordinates [n, d]. */
    double[][] decodeFeatures(INDArray zs) {
        if (vocabulary > 0) {
            throw new IllegalStateException("a token VAE decodes to tokens");
        }
        return ebmopt.models.RowArrays.toRows(sampler.output(Map.of("zs", zs), "gs").get("gs"));
    }

    /** The designs g_x(z): argmax token per position. */
    int[][] decode(INDArray zs) {
        if (vocabulary == 0) {
            throw new IllegalStateException("a real-vector VAE decodes to features");
        }
        INDArray gs = sampler.output(Map.of("zs", zs), "gs").get("gs");
        int n = gs.rows();
        int[][] tokens = new int[n][positions];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < positions; p++) {
                int best = 0;
                for (int v = 1; v < vocabulary; v++) {
                    if (gs.getDouble(i, (long) p * vocabulary + v) > gs.getDouble(i, (long) p * vocabulary + best)) {
                        best = v;
                    }
                }
                tokens[i][p] = best;
            }
        }
        return tokens;
    }

    int latent() {
        return latent;
    }

    /**
     * The loss weights.
     *
     * @param reconstruction the weight of -log p(x | z) (the paper: 50 on -log p(x, y | z))
     * @param y              the weight of (y - g_y(z))^2 / 2 (50: a unit-variance p(y | z) under the paper's 50)
     * @param kl             the weight of KL(q_phi || p_a) (0.75)
     * @param orthogonal     the orthogonal regularisation of the generator's weights (0.001)
     * @param encoderY       the factor on y in the encoder's input: 1, the paper's q(z | x, y); 0,
     *                       q(z | x), which leaves g_y to predict y from the design's code alone
     */
    record VaeWeights(double reconstruction, double y, double kl, double orthogonal, double encoderY) {
        /** The paper's encoder, q(z | x, y). */
        VaeWeights(double reconstruction, double y, double kl, double orthogonal) {
            this(reconstruction, y, kl, orthogonal, 1.0);
        }
    }
}
