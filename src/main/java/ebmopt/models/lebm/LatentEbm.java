package ebmopt.models.lebm;

import ebmopt.experiment.IdleCores;
import ebmopt.models.RowArrays;

import ebmopt.optim.Adam;
import ebmopt.sampling.Langevin;
import ebmopt.sampling.StepSchedule;
import ebmopt.tasks.Dataset;
import ebmopt.tasks.Encoding;
import ebmopt.tasks.MinMax;
import ebmopt.tasks.ProposalScores;
import ebmopt.tasks.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A latent EBM over a task's designs (token sequences or real vectors): the VAE ({@link LatentVae}) and the prior's
 * ratio network ({@link RatioNet}), trained jointly one iteration at a time
 * (docs/methods.md section 4).
 */
final class LatentEbm {
    private static final long STEP_SALT = 0x5354455053L;
    private static final long SHUFFLE_SALT = 0x5348554646L;
    private final LebmParams p;
    private final Dataset data;
    private final MinMax yRange;
    private final LatentVae vae;
    private final RatioNet ratio;
    private final Adam vaeAdam;
    private final Adam ratioAdam;
    private final StageSchedule schedule;
    private final long seed;
    private final int positions;
    /** Real-vector designs: each feature's range over the visible data (docs/methods.md section 4); null for tokens. */
    private final MinMax[] xRanges;
    /** The permutation of the data rows of epoch {@link #orderEpoch}. */
    private final int[] order;
    private long orderEpoch = -1;

    /** A model of {@code data}'s designs: token sequences, or real vectors min-max normalised per feature. */
    LatentEbm(LebmParams p, Dataset data, Encoding encoding, long seed) {
        this.p = p;
        this.data = data;
        this.yRange = data.yRange();
        this.positions = data.width();
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        LatentVae.VaeWeights weights = new LatentVae.VaeWeights(p.reconWeight(), p.yWeight(), p.klWeight(),
                p.orthoWeight(), p.encoderInput() == EncoderInput.X_AND_Y ? 1.0 : 0.0);
        if (encoding instanceof Encoding.Discrete discrete) {
            p.requireDecoderStdFits(true);
            this.vae = new LatentVae(positions, discrete.vocabulary(), p.latentDim(), weights, rng.nextLong());
            this.xRanges = null;
        } else {
            this.vae = LatentVae.continuous(positions, p.latentDim(), weights, p.decoderStd(), rng.nextLong());
            this.xRanges = featureRanges(data);
        }
        this.schedule = StageSchedule.of(p.stages(), p.stageSchedule(), p.stageWeighting());
        this.ratio = new RatioNet(p.latentDim(), p.ratioHidden(), p.ratioBlocks(), schedule.stages(), rng.nextLong());
        this.vaeAdam = vae.optimiser(p.vaeLearningRate(), 0.5, 0.999, p.clipNorm());
        this.ratioAdam = ratio.optimiser(p.ratioLearningRate(), 0.9, 0.999, p.clipNorm());
        this.order = new int[data.rows()];
    }

    /**
     * The random stream of one purpose ({@code salt}) at one position (an iteration, an
     * epoch): derived from the seed alone, so a run resumed from a checkpoint draws exactly
     * what the uninterrupted run would have drawn.
     */
    SplittableRandom stream(long salt, long position) {
        long base = new SplittableRandom(seed ^ salt).nextLong();
        // hashed again with the position, so that streams of neighbouring positions do not overlap
        return new SplittableRandom(new SplittableRandom(base + position * 0x9E3779B97F4A7C15L).nextLong());
    }

    /** What one iteration measured. */
    record StepLosses(double vaeLoss, double reconNll, double klQ0, double priorLoss, double vaeGradNorm,
                      double ratioGradNorm) {
        boolean finite() {
            return Double.isFinite(vaeLoss) && Double.isFinite(priorLoss);
        }
    }

    /**
     * Training iteration {@code iteration} (1, 2, ...): an ELBO step of the VAE and a
     * ratio-estimation step of the prior, both at the current parameters (neither step reads what
     * the other changes). Its random draws depend only on the seed and the iteration. Work that
     * is independent runs on an idle core when there is one ({@link IdleCores}): the prior's
     * gradient at the posterior samples beside the N2CE batch, then the VAE's step beside the
     * first part of the prior's training pass.
     */
    StepLosses step(int iteration) {
        SplittableRandom rng = stream(STEP_SALT, iteration);
        int[] rows = batchRows(iteration);
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = (float) yRange.normalise(data.y()[rows[i]]);
        }
        INDArray x = designs(rows);
        INDArray yv = Nd4j.createFromArray(y).reshape(rows.length, 1);
        INDArray eps = gaussian(rows.length, p.latentDim(), rng);
        INDArray z = vae.encode(x, yv, eps);
        float[][] posterior = z.toFloatMatrix();
        INDArray[] priorGradient = new INDArray[1];
        PriorBatch[] batch = new PriorBatch[1];
        if (p.objective() == PriorObjective.MLE) {
            // MLE's negatives come from Langevin on the prior: the same network as the gradient
            priorGradient[0] = ratio.stageSumAndGradient(z)[1];
            batch[0] = PriorBatch.mle(posterior, mleNegatives(rows.length, rng));
        } else {
            IdleCores.runBoth(() -> priorGradient[0] = ratio.stageSumAndGradient(z)[1],
                    () -> batch[0] = PriorBatch.n2ce(posterior, schedule, p.noiseMagnitude(), rng));
        }
        double[] vaeLoss = new double[3];
        double priorLoss = priorStep(ratio, ratioAdam, batch[0], p.objective(), Math.log(p.noiseMagnitude()),
                p.ratioPenalty(), () -> System.arraycopy(vaeStep(vae, vaeAdam, x, yv, eps, priorGradient[0]), 0,
                        vaeLoss, 0, 3));
        return new StepLosses(vaeLoss[0], vaeLoss[1], vaeLoss[2], priorLoss, vaeAdam.lastGradientNorm(),
                ratioAdam.lastGradientNorm());
    }

    /**
     * The VAE's step at posterior samples z = encode(x, y, eps), given the prior's gradient
     * there: the ELBO's gradients, Adam. Returns {loss, recon_nll, kl_q0}.
     */
    static double[] vaeStep(LatentVae vae, Adam adam, INDArray x, INDArray y, INDArray eps, INDArray priorGradient) {
        double[] loss = vae.gradients(x, y, eps, priorGradient, adam);
        adam.step();
        return loss;
    }

    /**
     * The prior's step on one batch: forward, loss, backward ({@link RatioNet#trainingPass}, with
     * {@code beside} run beside its first part), Adam. Returns the loss; frees the batch.
     */
    static double priorStep(RatioNet ratio, Adam adam, PriorBatch batch, PriorObjective objective, double logM,
                            double penalty, Runnable beside) {
        RatioNet.RowsLoss loss = objective == PriorObjective.MLE
                ? (f, from, df) -> PriorLoss.mle(f, from, batch, penalty, df)
                : (f, from, df) -> PriorLoss.n2ce(f, from, batch, logM, penalty, df);
        ratio.zeroGrad();
        double value = ratio.trainingPass(batch.z(), batch.counts(), loss, beside);
        adam.step();
        // free the batch's large off-heap array now: its small Java wrapper gives the
        // garbage collector no reason to run before off-heap memory piles up
        batch.z().close();
        return value;
    }

    /** Short-run Langevin from q0 on the current prior (MLE-LEBM's negatives). */
    private float[][] mleNegatives(int n, SplittableRandom rng) {
        double[][] z = Langevin.run(LatentObjective.prior(ratio), initialParticles(n, rng), p.mleLangevinSteps(),
                StepSchedule.constant(p.mleLangevinStep()), rng.split(), t -> { });
        float[][] out = new float[n][p.latentDim()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = (float) z[i][j];
            }
        }
        return out;
    }

    /**
     * The rows of iteration {@code iteration}'s minibatch: the data are read in a fresh
     * permutation every epoch, minibatch after minibatch (one may span two epochs).
     */
    private int[] batchRows(int iteration) {
        int n = Math.min(p.batchSize(), order.length);
        int[] rows = new int[n];
        long first = (long) (iteration - 1) * n;
        for (int i = 0; i < n; i++) {
            long position = first + i;
            long epoch = position / order.length;
            if (epoch != orderEpoch) {
                shuffle(epoch);
            }
            rows[i] = order[(int) (position % order.length)];
        }
        return rows;
    }

    private void shuffle(long epoch) {
        SplittableRandom rng = stream(SHUFFLE_SALT, epoch);
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        orderEpoch = epoch;
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private static INDArray gaussian(int rows, int cols, SplittableRandom rng) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    /** Q starting particles from q0 = N(0, I) (the paper does not say; docs/lebm.md, "Choices ..."). */
    double[][] initialParticles(int q, SplittableRandom r) {
        double[][] z = new double[q][p.latentDim()];
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return z;
    }

    /**
     * Q starting particles at the Q best visible designs ({@link #topRows}): a posterior sample
     * z ~ q(z | x, y) of each.
     */
    double[][] topDesignParticles(int q, SplittableRandom r) {
        int[] rows = topRows(q);
        float[] y = new float[q];
        for (int i = 0; i < q; i++) {
            y[i] = (float) yRange.normalise(data.y()[rows[i]]);
        }
        INDArray z = vae.encode(designs(rows), Nd4j.createFromArray(y).reshape(q, 1),
                gaussian(q, p.latentDim(), r));
        return RowArrays.toRows(z);
    }

    /**
     * The visible rows of the Q largest y, best first (ties by row), cycled from the best again
     * when the data have fewer than Q rows.
     */
    int[] topRows(int q) {
        double[] y = data.y();
        int[] byScore = IntStream.range(0, y.length).boxed()
                .sorted((a, b) -> y[a] != y[b] ? Double.compare(y[b], y[a]) : Integer.compare(a, b))
                .limit(q).mapToInt(Integer::intValue).toArray();
        int[] rows = new int[q];
        for (int i = 0; i < q; i++) {
            rows[i] = byScore[i % byScore.length];
        }
        return rows;
    }

    /**
     * l(z) with the given weights and target, y_max on the visible data's min-max normalised y (the
     * best visible score is 1 there); the trial's own are its params', a resample may use others.
     */
    LatentObjective proposalObjective(double yMax, double lambda1, double lambda2) {
        return new LatentObjective(vae, ratio, yMax, lambda1, lambda2);
    }

    /** The VAE's input for data rows: one-hot tokens [n, L*V], or normalised features [n, d]. */
    private INDArray designs(int[] rows) {
        if (xRanges == null) {
            int[][] tokens = new int[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                tokens[i] = data.tokens(rows[i]);
            }
            return vae.oneHot(tokens);
        }
        float[] x = new float[rows.length * positions];
        for (int i = 0; i < rows.length; i++) {
            double[] f = data.features(rows[i]);
            for (int j = 0; j < positions; j++) {
                x[i * positions + j] = (float) xRanges[j].normalise(f[j]);
            }
        }
        return Nd4j.createFromArray(x).reshape(rows.length, positions);
    }

    private static MinMax[] featureRanges(Dataset data) {
        MinMax[] out = new MinMax[data.width()];
        double[] column = new double[data.rows()];
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < column.length; i++) {
                column[i] = data.features()[i * data.width() + j];
            }
            out[j] = MinMax.of(column);
        }
        return out;
    }

    /**
     * Decodes latent particles to designs and scores them with the task's oracle: the argmax
     * token per position, or the generator's mean g_x(z) in the task's own coordinates (the mode
     * of p(x | z), not a draw from it, whatever decoder-std is).
     */
    ProposalScores decodeAndScore(Task task, double[][] z) {
        INDArray zs = RowArrays.toArray(z);
        if (xRanges == null) {
            return ProposalScores.ofTokens(task, java.util.Arrays.asList(vae.decode(zs)));
        }
        double[][] u = vae.decodeFeatures(zs);
        List<double[]> designs = new ArrayList<>(u.length);
        for (double[] row : u) {
            double[] x = new double[row.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = xRanges[j].denormalise(row[j]);
            }
            designs.add(x);
        }
        return ProposalScores.ofFeatures(task, designs);
    }

    /** The model's predicted scores g_y(z) of latent particles, in the task's raw units. */
    double[] predictedScores(double[][] z) {
        INDArray ys = vae.score(RowArrays.toArray(z));
        double[] raw = new double[ys.rows()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = yRange.denormalise(ys.getDouble(i, 0));
        }
        return raw;
    }

    StageSchedule schedule() {
        return schedule;
    }

    /** The run's state after {@code progress.iterations()} iterations, for a checkpoint. */
    byte[] save(LatentEbmState.Progress progress) {
        return LatentEbmState.save(progress, vaeAdam, ratioAdam);
    }

    /** Restores a checkpoint's state into this (freshly built) model; returns where the run stood. */
    LatentEbmState.Progress restore(byte[] state) {
        return LatentEbmState.restore(state, vaeAdam, ratioAdam);
    }
}
