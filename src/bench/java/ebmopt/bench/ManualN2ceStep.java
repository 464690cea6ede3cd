package ebmopt.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fused N2CE step of {@link RatioNetwork} written by hand on ND4J, without SameDiff:
 * forward, backward and Adam over preallocated buffers, every product through
 * {@link Nd4j#gemm} (which, unlike SameDiff's matmul into c-order outputs, reaches the BLAS
 * rate on these shapes) and LeakyReLU from fast kernels (relu, scalar multiply, add). A
 * probe of what the backend can reach, not a model: it shares {@code RatioNetwork}'s
 * weights so that its loss and gradients can be checked against SameDiff's.
 */
final class ManualN2ceStep {
    private static final double SLOPE = RatioNetwork.SLOPE;
    private final Map<String, INDArray> w;
    private final int blocks;
    private final INDArray z;
    private final INDArray emb;
    private final INDArray sign;
    private final INDArray weight;
    private final double logM;
    private final double lr;
    private final Map<String, INDArray> grads = new java.util.LinkedHashMap<>();
    private final Map<String, INDArray[]> adam = new java.util.HashMap<>();
    private int t;
    // activations: pre (a) and post (h) LeakyReLU
    private final INDArray a1;
    private final INDArray h1;
    private final INDArray a3;
    private final INDArray h3;
    private final INDArray c;
    private final INDArray hc;
    private final INDArray[] x;
    private final INDArray[] hb;
    private final INDArray f;
    private final INDArray g;
    private final INDArray gh;
    private final INDArray mask;
    private final INDArray maskWide;
    private double loss;

    ManualN2ceStep(Map<String, INDArray> weights, int blocks, INDArray z, INDArray k, INDArray sign, INDArray weight,
                   double noiseMagnitude, double learningRate) {
        this.w = weights;
        this.blocks = blocks;
        this.z = z;
        this.sign = sign;
        this.weight = weight;
        this.logM = Math.log(noiseMagnitude);
        this.lr = learningRate;
        int n = z.rows();
        int h = weights.get("zin2_w").columns();
        int half = h / 2;
        INDArray freq = Nd4j.create(DataType.FLOAT, 1, half);
        for (int i = 0; i < half; i++) {
            freq.putScalar(0, i, Math.exp(-Math.log(10000) * i / half));
        }
        INDArray angle = k.mmul(freq);
        this.emb = Nd4j.hstack(Transforms.sin(angle, true), Transforms.cos(angle, true));
        a1 = buf(n, h);
        h1 = buf(n, h);
        a3 = buf(n, h);
        h3 = buf(n, h);
        c = buf(n, 2 * h);
        hc = buf(n, 2 * h);
        x = new INDArray[blocks + 1];
        hb = new INDArray[blocks + 1];
        for (int b = 0; b <= blocks; b++) {
            x[b] = buf(n, h);
            hb[b] = buf(n, h);
        }
        f = buf(n, 1);
        g = buf(n, h);
        gh = buf(n, 2 * h);
        mask = buf(n, h);
        maskWide = buf(n, 2 * h);
        weights.forEach((name, v) -> {
            grads.put(name, Nd4j.create(DataType.FLOAT, v.shape()));
            adam.put(name, new INDArray[] {Nd4j.create(DataType.FLOAT, v.shape()), Nd4j.create(DataType.FLOAT, v.shape())});
        });
    }

    private static INDArray buf(int rows, int cols) {
        return Nd4j.create(DataType.FLOAT, rows, cols);
    }

    /** out = in W + b. */
    private void linear(String name, INDArray in, INDArray out) {
        Nd4j.gemm(in, w.get(name + "_w"), out, false, false, 1.0, 0.0);
        out.addiRowVector(w.get(name + "_b"));
    }

    /** out = LeakyReLU(in) = 0.2 in + 0.8 relu(in). */
    private static void lrelu(INDArray in, INDArray out) {
        out.assign(in);
        Transforms.relu(out, false);
        out.muli(1 - SLOPE).addi(in.mul(SLOPE));
    }

    /** grad (in place) *= LeakyReLU'(pre) = 0.2 + 0.8 step(pre). */
    private void lreluBack(INDArray pre, INDArray grad) {
        INDArray m = pre.columns() == mask.columns() ? mask : maskWide;
        m.assign(pre);
        Transforms.step(m, false);
        m.muli(1 - SLOPE).addi(SLOPE);
        grad.muli(m);
    }

    /** Accumulates dW = in^T grad, db = sum grad; returns nothing, writes into grads. */
    private void paramGrads(String name, INDArray in, INDArray grad) {
        Nd4j.gemm(in, grad, grads.get(name + "_w"), true, false, 1.0, 0.0);
        grads.get(name + "_b").assign(grad.sum(0).reshape(grads.get(name + "_b").shape()));
    }

    double forward() {
        linear("zin1", z, a1);
        lrelu(a1, h1);
        int h = a1.columns();
        INDArray zh = Nd4j.create(DataType.FLOAT, a1.rows(), h);
        linear("zin2", h1, zh);
        linear("kin1", emb, a3);
        lrelu(a3, h3);
        INDArray kh = Nd4j.create(DataType.FLOAT, a1.rows(), h);
        linear("kin2", h3, kh);
        c.assign(Nd4j.hstack(zh, kh));
        lrelu(c, hc);
        linear("merge", hc, x[0]);
        for (int b = 0; b < blocks; b++) {
            lrelu(x[b], hb[b]);
            linear("block" + b, hb[b], x[b + 1]);
            x[b + 1].addi(x[b]);
        }
        lrelu(x[blocks], hb[blocks]);
        linear("out", hb[blocks], f);
        INDArray u = f.rsub(logM).muli(sign);
        loss = Transforms.softPlus(u, true).muli(weight).sumNumber().doubleValue();
        // dL/df = -w s sigmoid(s (log M - f))
        return loss;
    }

    /** One training step: forward, backward, Adam (default betas). Returns the loss before it. */
    double step() {
        double l = forward();
        backward();
        adamUpdate();
        return l;
    }

    void backward() {
        INDArray df = Transforms.sigmoid(f.rsub(logM).muli(sign), false).muli(sign).muli(weight).negi();
        paramGrads("out", hb[blocks], df);
        Nd4j.gemm(df, w.get("out_w"), g, false, true, 1.0, 0.0);
        lreluBack(x[blocks], g);
        INDArray gsub = Nd4j.create(DataType.FLOAT, g.shape());
        for (int b = blocks - 1; b >= 0; b--) {
            paramGrads("block" + b, hb[b], g);
            Nd4j.gemm(g, w.get("block" + b + "_w"), gsub, false, true, 1.0, 0.0);
            lreluBack(x[b], gsub);
            g.addi(gsub);
        }
        paramGrads("merge", hc, g);
        Nd4j.gemm(g, w.get("merge_w"), gh, false, true, 1.0, 0.0);
        lreluBack(c, gh);
        int h = g.columns();
        INDArray dzh = gh.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, h)).dup('c');
        INDArray dkh = gh.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(h, 2 * h)).dup('c');
        branchBack("zin", z, a1, h1, dzh);
        branchBack("kin", emb, a3, h3, dkh);
    }

    private void branchBack(String prefix, INDArray in, INDArray pre, INDArray post, INDArray dOut) {
        paramGrads(prefix + "2", post, dOut);
        INDArray dh = Nd4j.create(DataType.FLOAT, dOut.shape());
        Nd4j.gemm(dOut, w.get(prefix + "2_w"), dh, false, true, 1.0, 0.0);
        lreluBack(pre, dh);
        paramGrads(prefix + "1", in, dh);
    }

    private void adamUpdate() {
        t++;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        for (Map.Entry<String, INDArray> e : w.entrySet()) {
            INDArray grad = grads.get(e.getKey());
            INDArray[] mv = adam.get(e.getKey());
            mv[0].muli(b1).addi(grad.mul(1 - b1));
            mv[1].muli(b2).addi(grad.mul(grad).muli(1 - b2));
            e.getValue().subi(mv[0].mul(alpha).divi(Transforms.sqrt(mv[1], true).addi(eps)));
        }
    }

    /** The gradients of the last {@link #backward} (by SameDiff variable name). */
    Map<String, INDArray> gradients() {
        return grads;
    }

    /** Names of the parameters checked against SameDiff. */
    static List<String> probes(int blocks) {
        List<String> p = new ArrayList<>(List.of("out_w", "zin1_w", "kin1_b", "merge_w"));
        p.add("block" + (blocks / 2) + "_w");
        return p;
    }
}
