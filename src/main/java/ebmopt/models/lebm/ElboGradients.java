package ebmopt.models.lebm;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The VAE's training loss (the negative ELBO of {@link LatentVae}'s graph, its class comment
 * gives the formula) and its gradient in every parameter, written by hand on ND4J. The graph
 * stays the definition: {@code ElboGradientsTest} checks these values and gradients against
 * SameDiff's on token and real-vector VAEs. Why by hand: on the VAE's small matrices (n1 = 128
 * rows, widths of 20 to 257) SameDiff's per-op overhead made its gradient step ~40 ms, a fifth of
 * a paper-scale iteration; this one takes a few milliseconds (docs/benchmarks.md).
 */
final class ElboGradients {
    private static final String[] ENCODER = {"enc1", "enc2"};
    private final Map<String, INDArray> p;
    private final List<String> order;
    private final List<String> generator;
    private final LatentVae.VaeWeights weights;
    private final int positions;
    private final int vocabulary;
    private final double decoderStd;

    /**
     * @param parameters the VAE's parameter arrays by name (read at each call: Adam updates them in place)
     * @param order      the parameters' order, that of the optimiser's gradient slots
     * @param generator  the generator's layers in order: the hidden ones, then the x and y heads
     */
    ElboGradients(Map<String, INDArray> parameters, List<String> order, List<String> generator,
                  LatentVae.VaeWeights weights, int positions, int vocabulary, double decoderStd) {
        this.p = parameters;
        this.order = order;
        this.generator = generator;
        this.weights = weights;
        this.positions = positions;
        this.vocabulary = vocabulary;
        this.decoderStd = decoderStd;
    }

    /**
     * The loss at one batch and its gradients, in {@code order}. Returns {loss, mean recon_nll,
     * mean kl_q0} and writes the gradients into {@code grads} (one fresh array per parameter).
     */
    double[] compute(INDArray x, INDArray y, INDArray eps, INDArray priorGrad, INDArray[] grads) {
        int n = x.rows();
        double c = 1.0 / n;
        Map<String, INDArray> g = new java.util.HashMap<>();
        // ---- forward
        INDArray xe = x;
        INDArray xRows = null;
        if (vocabulary > 0) {
            xRows = x.reshape(n * (long) positions, vocabulary);
            xe = xRows.mmul(p.get("embed")).reshape(n, (long) positions * LatentVae.EMBED);
        }
        INDArray in0 = Nd4j.hstack(xe, y.mul(weights.encoderY()));
        INDArray[] encPre = new INDArray[ENCODER.length];
        INDArray[] encOut = new INDArray[ENCODER.length];
        INDArray h = in0;
        for (int i = 0; i < ENCODER.length; i++) {
            encPre[i] = linear(ENCODER[i], h);
            encOut[i] = lrelu(encPre[i]);
            h = encOut[i];
        }
        INDArray mu = linear("enc_mu", h);
        INDArray logvar = linear("enc_logvar", h);
        INDArray sd = Transforms.exp(logvar.mul(0.5), false);
        INDArray z = sd.mul(eps).addi(mu);
        int hidden = generator.size() - 2;
        INDArray[] genIn = new INDArray[hidden + 1];
        INDArray[] genPre = new INDArray[hidden];
        genIn[0] = z;
        for (int i = 0; i < hidden; i++) {
            genPre[i] = linear(generator.get(i), genIn[i]);
            genIn[i + 1] = lrelu(genPre[i]);
        }
        INDArray last = genIn[hidden];
        INDArray gx = linear(generator.get(hidden), last);
        INDArray yhat = linear(generator.get(hidden + 1), last);

        INDArray dgx;
        INDArray xNll;
        if (vocabulary > 0) {
            INDArray a = gx.reshape(n * (long) positions, vocabulary);
            INDArray max = a.max(true, 1);
            INDArray e = Transforms.exp(a.subColumnVector(max), false);
            INDArray sum = e.sum(true, 1);
            INDArray logSumExp = Transforms.log(sum, true).addi(max);
            INDArray chosen = a.mul(xRows).sum(true, 1);
            xNll = logSumExp.subi(chosen).reshape(n, positions).sum(1);
            // d/d logits of sum_p (lse_p - a_p . x_p): softmax - x
            dgx = e.diviColumnVector(sum).subi(xRows).reshape(n, (long) positions * vocabulary);
        } else {
            INDArray diff = gx.sub(x);
            double inv = 1.0 / (decoderStd * decoderStd);
            xNll = diff.mul(diff).sum(1).muli(0.5 * inv).addi(positions * Math.log(decoderStd));
            dgx = diff.muli(inv);
        }
        dgx.muli(weights.reconstruction() * c);
        INDArray yDiff = yhat.sub(y);
        INDArray yNll = yDiff.mul(yDiff).muli(0.5).reshape(n);
        INDArray klGauss = mu.mul(mu).addi(Transforms.exp(logvar, true)).subi(logvar).subi(1.0).sum(1).muli(0.5);
        INDArray energy = z.mul(priorGrad).sum(1);
        INDArray perExample = xNll.mul(weights.reconstruction()).addi(yNll.mul(weights.y()))
                .addi(klGauss.sub(energy).muli(weights.kl()));
        double ortho = 0;
        for (String layer : generator) {
            INDArray w = p.get(layer + "_w");
            INDArray diff = gram(w);
            ortho += diff.mul(diff).sumNumber().doubleValue();
            // d |W^T W - I|^2 / dW = 4 W (W^T W - I)
            g.put(layer + "_w", w.mmul(diff).muli(4 * weights.orthogonal()));
        }
        double loss = perExample.meanNumber().doubleValue() + weights.orthogonal() * ortho;

        // ---- backward
        INDArray dyhat = yDiff.muli(weights.y() * c);
        INDArray dLast = Nd4j.create(DataType.FLOAT, n, last.columns());
        backLinear(generator.get(hidden), last, dgx, dLast, g);
        INDArray dLastY = Nd4j.create(DataType.FLOAT, n, last.columns());
        backLinear(generator.get(hidden + 1), last, dyhat, dLastY, g);
        INDArray d = dLast.addi(dLastY);
        for (int i = hidden - 1; i >= 0; i--) {
            Activations.lreluBack(genPre[i], d, genPre[i].ulike());
            INDArray dIn = Nd4j.create(DataType.FLOAT, n, genIn[i].columns());
            backLinear(generator.get(i), genIn[i], d, dIn, g);
            d = dIn;
        }
        INDArray dz = d.subi(priorGrad.mul(weights.kl() * c));
        INDArray dmu = dz.add(mu.mul(weights.kl() * c));
        INDArray dlogvar = dz.mul(eps).muli(sd).muli(0.5)
                .addi(Transforms.exp(logvar, true).subi(1.0).muli(0.5 * weights.kl() * c));
        INDArray dh = Nd4j.create(DataType.FLOAT, n, h.columns());
        backLinear("enc_mu", h, dmu, dh, g);
        INDArray dhLogvar = Nd4j.create(DataType.FLOAT, n, h.columns());
        backLinear("enc_logvar", h, dlogvar, dhLogvar, g);
        d = dh.addi(dhLogvar);
        for (int i = ENCODER.length - 1; i >= 0; i--) {
            Activations.lreluBack(encPre[i], d, encPre[i].ulike());
            INDArray in = i == 0 ? in0 : encOut[i - 1];
            INDArray dIn = Nd4j.create(DataType.FLOAT, n, in.columns());
            backLinear(ENCODER[i], in, d, dIn, g);
            d = dIn;
        }
        if (vocabulary > 0) {
            INDArray dxe = d.get(NDArrayIndex.all(), NDArrayIndex.interval(0, xe.columns())).dup()
                    .reshape(n * (long) positions, LatentVae.EMBED);
            g.put("embed", xRows.transpose().mmul(dxe));
        }
        for (int i = 0; i < order.size(); i++) {
            grads[i] = g.get(order.get(i));
        }
        return new double[] {loss, xNll.add(yNll).meanNumber().doubleValue(), klGauss.meanNumber().doubleValue()};
    }

    private INDArray linear(String layer, INDArray in) {
        return in.mmul(p.get(layer + "_w")).addiRowVector(p.get(layer + "_b"));
    }

    /** W^T W - I. */
    private static INDArray gram(INDArray w) {
        INDArray gram = Nd4j.gemm(w, w, true, false);
        return gram.subi(Nd4j.eye(w.columns()).castTo(DataType.FLOAT));
    }

    /** Adds the layer's gradients for dL/d(out) {@code dOut} into {@code g}; writes dL/d(in) into {@code dIn}. */
    private void backLinear(String layer, INDArray in, INDArray dOut, INDArray dIn, Map<String, INDArray> g) {
        INDArray dw = Nd4j.gemm(in, dOut, true, false);
        g.merge(layer + "_w", dw, INDArray::addi);
        g.put(layer + "_b", dOut.sum(true, 0));
        Nd4j.gemm(dOut, p.get(layer + "_w"), dIn, false, true, 1.0, 0.0);
    }

    private static INDArray lrelu(INDArray a) {
        INDArray out = a.ulike();
        Activations.lrelu(a, out);
        return out;
    }
}
