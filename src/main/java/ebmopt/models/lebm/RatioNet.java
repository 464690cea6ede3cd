package ebmopt.models.lebm;

import ebmopt.optim.Adam;
import ebmopt.optim.AdamOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The LEBM's log-ratio network f(z, k) (docs/methods.md section 4, paper Table 11), one network
 * shared by the stages k = 0..K:
 *
 * <pre>
 * k -> sinusoidal embedding (h) -> Linear h, LReLU -> Linear h          (the stage branch)
 * z -> Linear h, LReLU -> Linear h                                       (the latent branch)
 * concat (2h) -> LReLU, Linear h -> N x (LReLU, Linear h, + input) -> LReLU, Linear 1
 * </pre>
 *
 * <p>Written directly on ND4J with a hand-derived backward pass rather than in SameDiff:
 * SameDiff's step is ~2x slower on these shapes (docs/benchmarks.md), and the negatives of
 * N2CE (n2 = M n1 rows) make this network nearly all of an iteration's cost. Rows come in
 * contiguous blocks of one stage each, so the stage branch and its half of the merge layer
 * are computed once per stage instead of once per row (the same function, ~14% fewer
 * multiply-adds). {@code RatioNetTest} checks every gradient against finite differences.
 */
final class RatioNet {
    private final int latent;
    private final int hidden;
    private final int stages;
    private final Dense zin1;
    private final Dense zin2;
    private final Dense kin1;
    private final Dense kin2;
    private final Dense merge;
    private final Dense[] blocks;
    private final Dense out;
    private final INDArray embedding;
    private final Map<Integer, Buffers> buffers = new HashMap<>();
    // state of the last forward pass
    private Buffers last;
    private int[] lastCounts;
    private INDArray lastZ;
    private StageBranch lastStage;

    /**
     * @param latent the latent dimension (20)
     * @param hidden the width h (128)
     * @param blocks the residual blocks N (16 for the optimisation tasks)
     * @param stages the number of stages K + 1
     * @param seed   the initialisation seed
     */
    RatioNet(int latent, int hidden, int blocks, int stages, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        this.latent = latent;
        this.hidden = hidden;
        this.stages = stages;
        zin1 = new Dense(latent, hidden, rng);
        zin2 = new Dense(hidden, hidden, rng);
        kin1 = new Dense(hidden, hidden, rng);
        kin2 = new Dense(hidden, hidden, rng);
        merge = new Dense(2 * hidden, hidden, rng);
        this.blocks = new Dense[blocks];
        for (int b = 0; b < blocks; b++) {
            this.blocks[b] = new Dense(hidden, hidden, rng);
        }
        out = new Dense(hidden, 1, rng);
        embedding = sinusoidal(stages, hidden);
    }

    /** sin/cos embedding of k = 0..stages-1 (period base 10000), [stages, h]. */
    static INDArray sinusoidal(int stages, int hidden) {
        int half = hidden / 2;
        float[] e = new float[stages * hidden];
        for (int k = 0; k < stages; k++) {
            for (int i = 0; i < half; i++) {
                double a = k * Math.exp(-Math.log(10000) * i / half);
                e[k * hidden + i] = (float) Math.sin(a);
                e[k * hidden + half + i] = (float) Math.cos(a);
            }
        }
        return Nd4j.createFromArray(e).reshape(stages, hidden);
    }

    int stages() {
        return stages;
    }

    int latent() {
        return latent;
    }

    /** Every layer, in a fixed order (the optimiser's group). */
    List<Dense> layers() {
        List<Dense> all = new ArrayList<>(List.of(zin1, zin2, kin1, kin2, merge));
        all.addAll(List.of(blocks));
        all.add(out);
        return all;
    }

    /** An Adam group over every weight and bias, writing gradients into the layers' buffers. */
    Adam optimiser(double lr, double beta1, double beta2, double clipNorm) {
        Adam adam = new Adam(lr, AdamOptions.pytorch(beta1, beta2, clipNorm));
        for (Dense d : layers()) {
            adam.add(d.w, d.gw).add(d.b, d.gb);
        }
        return adam;
    }

    void zeroGrad() {
        layers().forEach(Dense::zeroGrad);
    }

    /**
     * f(z, k) for rows of {@code z} [n, latent] laid out in contiguous stage blocks:
     * {@code counts[k]} rows of stage k, in order. Returns [n, 1] (valid until the next call).
     */
    INDArray forward(INDArray z, int[] counts) {
        int n = z.rows();
        if (counts.length != stages || java.util.Arrays.stream(counts).sum() != n) {
            throw new IllegalArgumentException("stage counts " + java.util.Arrays.toString(counts) + " do not cover "
                    + n + " rows in " + stages + " stages");
        }
        Buffers bf = buffers.computeIfAbsent(n, k -> new Buffers(k, hidden, blocks.length));
        StageBranch sb = new StageBranch();
        zin1.forward(z, bf.a1);
        Activations.lrelu(bf.a1, bf.h1);
        zin2.forward(bf.h1, bf.zh);
        Activations.lrelu(bf.zh, bf.hzh);
        // x0 = lrelu(zh) W_top + [lrelu(kh) W_bot + b] of the row's stage
        Nd4j.gemm(bf.hzh, top(merge.w), bf.x[0], false, false, 1.0, 0.0);
        INDArray perStage = Nd4j.gemm(sb.hkh, bottom(merge.w), false, false).addiRowVector(merge.b);
        int row = 0;
        for (int k = 0; k < stages; k++) {
            if (counts[k] > 0) {
                rows(bf.x[0], row, counts[k]).addiRowVector(perStage.getRow(k));
            }
            row += counts[k];
        }
        for (int b = 0; b < blocks.length; b++) {
            Activations.lrelu(bf.x[b], bf.hb[b]);
            blocks[b].forwardResidual(bf.hb[b], bf.x[b], bf.x[b + 1]);
        }
        Activations.lrelu(bf.x[blocks.length], bf.hb[blocks.length]);
        out.forward(bf.hb[blocks.length], bf.f);
        last = bf;
        lastCounts = counts.clone();
        lastZ = z;
        lastStage = sb;
        return bf.f;
    }

    /**
     * Back-propagates dL/df [n, 1] of the last {@link #forward}: accumulates the parameter
     * gradients when {@code params}, and returns dL/dz [n, latent] when {@code input} (else null).
     */
    INDArray backward(INDArray df, boolean params, boolean input) {
        Buffers bf = last;
        int nb = blocks.length;
        if (params) {
            out.accumulate(bf.hb[nb], df);
        }
        out.backInput(df, bf.g);
        Activations.lreluBack(bf.x[nb], bf.g, bf.scratch);
        for (int b = nb - 1; b >= 0; b--) {
            if (params) {
                blocks[b].accumulate(bf.hb[b], bf.g);
            }
            blocks[b].backInput(bf.g, bf.gsub);
            Activations.lreluBack(bf.x[b], bf.gsub, bf.scratch);
            bf.g.addi(bf.gsub);
        }
        // bf.g = dL/dx0. The merge layer: top half from the latent branch, bottom half per stage.
        INDArray perStageGrad = Nd4j.create(DataType.FLOAT, stages, hidden);
        int row = 0;
        for (int k = 0; k < stages; k++) {
            if (lastCounts[k] > 0) {
                Dense.addColumnSums(rows(bf.g, row, lastCounts[k]), perStageGrad.getRow(k, true));
            }
            row += lastCounts[k];
        }
        if (params) {
            top(merge.gw).addi(Nd4j.gemm(bf.hzh, bf.g, true, false));
            bottom(merge.gw).addi(Nd4j.gemm(lastStage.hkh, perStageGrad, true, false));
            Dense.addColumnSums(perStageGrad, merge.gb);
        }
        Nd4j.gemm(bf.g, top(merge.w), bf.gsub, false, true, 1.0, 0.0);
        Activations.lreluBack(bf.zh, bf.gsub, bf.scratch);
        if (params) {
            INDArray dkh = Nd4j.gemm(perStageGrad, bottom(merge.w), false, true);
            Activations.lreluBack(lastStage.kh, dkh, dkh.ulike());
            kin2.accumulate(lastStage.h3, dkh);
            INDArray dh3 = Nd4j.create(DataType.FLOAT, stages, hidden);
            kin2.backInput(dkh, dh3);
            Activations.lreluBack(lastStage.a3, dh3, dh3.ulike());
            kin1.accumulate(embedding, dh3);
            zin2.accumulate(bf.h1, bf.gsub);
        }
        zin2.backInput(bf.gsub, bf.g);
        Activations.lreluBack(bf.a1, bf.g, bf.scratch);
        if (params) {
            zin1.accumulate(lastZ, bf.g);
        }
        if (!input) {
            return null;
        }
        INDArray dz = Nd4j.create(DataType.FLOAT, lastZ.rows(), latent);
        zin1.backInput(bf.g, dz);
        return dz;
    }

    /**
     * The energy part of the prior, sum_k f(z, k) over all stages, and its gradient in z:
     * log p_a(z) = log q0(z) + sum_k f(z, k) + const. Returns {value [n, 1], gradient [n, latent]}.
     */
    INDArray[] stageSumAndGradient(INDArray z) {
        int n = z.rows();
        INDArray value = stageSum(z);
        INDArray dz = backward(Nd4j.ones(DataType.FLOAT, (long) n * stages, 1), false, true);
        INDArray grad = Nd4j.zeros(DataType.FLOAT, n, latent);
        for (int k = 0; k < stages; k++) {
            grad.addi(rows(dz, k * n, n));
        }
        return new INDArray[] {value, grad};
    }

    /** sum_k f(z, k) over all stages, [n, 1], forward only (it leaves the activations for a backward). */
    INDArray stageSum(INDArray z) {
        int n = z.rows();
        INDArray tiled = Nd4j.create(DataType.FLOAT, (long) n * stages, latent);
        int[] counts = new int[stages];
        for (int k = 0; k < stages; k++) {
            rows(tiled, k * n, n).assign(z);
            counts[k] = n;
        }
        INDArray f = forward(tiled, counts);
        INDArray value = Nd4j.zeros(DataType.FLOAT, n, 1);
        for (int k = 0; k < stages; k++) {
            value.addi(rows(f, k * n, n));
        }
        return value;
    }

    private INDArray top(INDArray mergeMatrix) {
        return mergeMatrix.get(NDArrayIndex.interval(0, hidden), NDArrayIndex.all());
    }

    private INDArray bottom(INDArray mergeMatrix) {
        return mergeMatrix.get(NDArrayIndex.interval(hidden, 2 * hidden), NDArrayIndex.all());
    }

    static INDArray rows(INDArray a, int from, int count) {
        return a.get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all());
    }

    /** The stage branch evaluated at k = 0..K: pre-activation a3, h3, kh and lrelu(kh). */
    private final class StageBranch {
        final INDArray a3 = Nd4j.create(DataType.FLOAT, stages, hidden);
        final INDArray h3 = Nd4j.create(DataType.FLOAT, stages, hidden);
        final INDArray kh = Nd4j.create(DataType.FLOAT, stages, hidden);
        final INDArray hkh = Nd4j.create(DataType.FLOAT, stages, hidden);

        StageBranch() {
            kin1.forward(embedding, a3);
            Activations.lrelu(a3, h3);
            kin2.forward(h3, kh);
            Activations.lrelu(kh, hkh);
        }
    }

    /** Activation and gradient buffers for one batch size, reused across steps. */
    private static final class Buffers {
        final INDArray a1;
        final INDArray h1;
        final INDArray zh;
        final INDArray hzh;
        final INDArray[] x;
        final INDArray[] hb;
        final INDArray f;
        final INDArray g;
        final INDArray gsub;
        final INDArray scratch;

        Buffers(int n, int h, int blocks) {
            a1 = buf(n, h);
            h1 = buf(n, h);
            zh = buf(n, h);
            hzh = buf(n, h);
            x = new INDArray[blocks + 1];
            hb = new INDArray[blocks + 1];
            for (int b = 0; b <= blocks; b++) {
                x[b] = buf(n, h);
                hb[b] = buf(n, h);
            }
            f = buf(n, 1);
            g = buf(n, h);
            gsub = buf(n, h);
            scratch = buf(n, h);
        }

        private static INDArray buf(int rows, int cols) {
            return Nd4j.create(DataType.FLOAT, rows, cols);
        }
    }
}
