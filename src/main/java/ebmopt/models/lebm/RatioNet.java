package ebmopt.models.lebm;

import ebmopt.experiment.IdleCores;
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
 *
 * <p>A training pass ({@link #trainingPass}) goes through the network in two contiguous parts of
 * its rows, each with buffers and gradient sums of its own, the parts' gradients then added in a
 * fixed order: the two parts run at once when a core of the machine is idle ({@link IdleCores}),
 * one after the other otherwise, with the same result either way.
 */
final class RatioNet {
    /** The parts a training step's rows are split into (1: the whole batch in one pass). */
    static final int TRAINING_PARTS = 2;
    /**
     * The first part's share of a training batch's rows: less than half, as its thread also runs
     * the VAE's step of the iteration (about 5% of the prior step's work on TF-Bind;
     * docs/benchmarks.md).
     */
    static final double FIRST_PART_SHARE = 0.47;

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
    /** The pass of {@link #forward} and {@link #backward}: gradients straight into the layers' buffers. */
    private final Pass whole;
    /** The passes of a training step's parts, each with gradient buffers of its own (empty: one part). */
    private final Pass[] parts;

    /**
     * @param latent the latent dimension (20)
     * @param hidden the width h (128)
     * @param blocks the residual blocks N (16 for the optimisation tasks)
     * @param stages the number of stages K + 1
     * @param seed   the initialisation seed
     */
    RatioNet(int latent, int hidden, int blocks, int stages, long seed) {
        this(latent, hidden, blocks, stages, seed, TRAINING_PARTS);
    }

    /** As above, with a training step's rows in {@code trainingParts} parts (1 or 2). */
    RatioNet(int latent, int hidden, int blocks, int stages, long seed, int trainingParts) {
        if (trainingParts != 1 && trainingParts != 2) {
            throw new IllegalArgumentException("training parts must be 1 or 2, not " + trainingParts);
        }
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
        whole = new Pass(false);
        parts = new Pass[trainingParts == 1 ? 0 : trainingParts];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Pass(true);
        }
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
        requireCover(counts, z.rows());
        return whole.forward(z, counts);
    }

    /**
     * Back-propagates dL/df [n, 1] of the last {@link #forward}: accumulates the parameter
     * gradients when {@code params}, and returns dL/dz [n, latent] when {@code input} (else null).
     */
    INDArray backward(INDArray df, boolean params, boolean input) {
        return whole.backward(df, params, input);
    }

    /** The loss of a training batch's rows from {@code from} on, with values {@code f}: fills dL/df, returns the loss. */
    @FunctionalInterface
    interface RowsLoss {
        double of(float[] f, int from, float[] df);
    }

    /**
     * One training pass over a batch laid out as for {@link #forward}: forward, {@code loss} and
     * backward, adding the parameter gradients of the loss to the layers' gradient buffers.
     * Returns the loss. In two parts, each part's gradients go to its own buffers and are then
     * added in part order; {@code besideFirstPart}, other work of the same iteration, runs in the
     * first part's thread before it (the parts split at {@link #FIRST_PART_SHARE} of the rows so
     * that both threads finish together). Without parts it runs first.
     */
    double trainingPass(INDArray z, int[] counts, RowsLoss loss, Runnable besideFirstPart) {
        int n = z.rows();
        requireCover(counts, n);
        int split = (int) Math.round(n * FIRST_PART_SHARE);
        if (parts.length == 0 || split == 0 || split == n) {
            besideFirstPart.run();
            return onePart(whole, z, counts, 0, loss);
        }
        int[] starts = {0, split, n};
        double[] partLoss = new double[2];
        inParts(i -> {
            if (i == 0) {
                besideFirstPart.run();
            }
            parts[i].zeroGrad();
            INDArray own = rows(z, starts[i], starts[i + 1] - starts[i]).dup();
            partLoss[i] = onePart(parts[i], own, countsWithin(counts, starts[i], starts[i + 1]), starts[i], loss);
            own.close();  // off-heap arrays of every step: freed now, not when the collector runs
        });
        for (Dense d : layers()) {
            for (Pass part : parts) {
                d.gw.addi(part.gw(d));
                d.gb.addi(part.gb(d));
            }
        }
        return partLoss[0] + partLoss[1];
    }

    /** Forward, loss and backward of rows from {@code from} on, through {@code pass}. */
    private static double onePart(Pass pass, INDArray z, int[] counts, int from, RowsLoss loss) {
        float[] f = pass.forward(z, counts).toFloatVector();
        float[] df = new float[f.length];
        double value = loss.of(f, from, df);
        INDArray dfArray = Nd4j.createFromArray(df).reshape(df.length, 1);
        pass.backward(dfArray, true, false);
        dfArray.close();
        return value;
    }

    /** Runs {@code part} for parts 0 and 1, at once when a core is idle (on the caller's ND4J device). */
    private void inParts(java.util.function.IntConsumer part) {
        int device = Nd4j.getAffinityManager().getDeviceForCurrentThread();
        IdleCores.runBoth(() -> part.accept(0), () -> {
            Nd4j.getAffinityManager().unsafeSetDevice(device);
            part.accept(1);
        });
    }

    /** The stage counts of rows [from, until) of a batch laid out in stage blocks of {@code counts}. */
    static int[] countsWithin(int[] counts, int from, int until) {
        int[] out = new int[counts.length];
        int start = 0;
        for (int k = 0; k < counts.length; k++) {
            int end = start + counts[k];
            out[k] = Math.max(0, Math.min(end, until) - Math.max(start, from));
            start = end;
        }
        return out;
    }

    private void requireCover(int[] counts, int n) {
        if (counts.length != stages || java.util.Arrays.stream(counts).sum() != n) {
            throw new IllegalArgumentException("stage counts " + java.util.Arrays.toString(counts) + " do not cover "
                    + n + " rows in " + stages + " stages");
        }
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

    /**
     * One way through the network: activation buffers per batch size, the state of its last
     * forward, and where its parameter gradients accumulate (the layers' own buffers, or its own).
     */
    private final class Pass {
        private final Map<Integer, Buffers> buffers = new HashMap<>();
        /** Per layer: {gW, gb} of this pass (the layer's own buffers when the pass has none of its own). */
        private final Map<Dense, INDArray[]> grads = new java.util.IdentityHashMap<>();
        private Buffers last;
        private int[] lastCounts;
        private INDArray lastZ;
        private StageBranch lastStage;

        Pass(boolean ownGradients) {
            for (Dense d : layers()) {
                grads.put(d, ownGradients ? new INDArray[] {d.gw.like(), d.gb.like()} : new INDArray[] {d.gw, d.gb});
            }
        }

        INDArray gw(Dense d) {
            return grads.get(d)[0];
        }

        INDArray gb(Dense d) {
            return grads.get(d)[1];
        }

        void zeroGrad() {
            grads.values().forEach(g -> {
                g[0].assign(0);
                g[1].assign(0);
            });
        }

        private void accumulate(Dense d, INDArray in, INDArray gOut) {
            Dense.accumulate(in, gOut, gw(d), gb(d));
        }

        /**
         * f(z, k) for rows of {@code z} [n, latent] laid out in contiguous stage blocks:
         * {@code counts[k]} rows of stage k, in order. Returns [n, 1] (valid until the next call).
         */
        INDArray forward(INDArray z, int[] counts) {
            int n = z.rows();
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
                accumulate(out, bf.hb[nb], df);
            }
            out.backInput(df, bf.g);
            Activations.lreluBack(bf.x[nb], bf.g, bf.scratch);
            for (int b = nb - 1; b >= 0; b--) {
                if (params) {
                    accumulate(blocks[b], bf.hb[b], bf.g);
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
                top(gw(merge)).addi(Nd4j.gemm(bf.hzh, bf.g, true, false));
                bottom(gw(merge)).addi(Nd4j.gemm(lastStage.hkh, perStageGrad, true, false));
                Dense.addColumnSums(perStageGrad, gb(merge));
            }
            Nd4j.gemm(bf.g, top(merge.w), bf.gsub, false, true, 1.0, 0.0);
            Activations.lreluBack(bf.zh, bf.gsub, bf.scratch);
            if (params) {
                INDArray dkh = Nd4j.gemm(perStageGrad, bottom(merge.w), false, true);
                Activations.lreluBack(lastStage.kh, dkh, dkh.ulike());
                accumulate(kin2, lastStage.h3, dkh);
                INDArray dh3 = Nd4j.create(DataType.FLOAT, stages, hidden);
                kin2.backInput(dkh, dh3);
                Activations.lreluBack(lastStage.a3, dh3, dh3.ulike());
                accumulate(kin1, embedding, dh3);
                accumulate(zin2, bf.h1, bf.gsub);
            }
            zin2.backInput(bf.gsub, bf.g);
            Activations.lreluBack(bf.a1, bf.g, bf.scratch);
            if (params) {
                accumulate(zin1, lastZ, bf.g);
            }
            if (!input) {
                return null;
            }
            INDArray dz = Nd4j.create(DataType.FLOAT, lastZ.rows(), latent);
            zin1.backInput(bf.g, dz);
            return dz;
        }
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
