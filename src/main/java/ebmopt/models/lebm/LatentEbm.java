package ebmopt.models.lebm;

import ebmopt.models.RowArrays;

import ebmopt.sampling.Langevin;
import ebmopt.sampling.StepSchedule;
import ebmopt.tasks.Dataset;
import ebmopt.tasks.MinMax;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A latent EBM over a discrete task's designs: the VAE ({@link LatentVae}) and the prior's
 * ratio network ({@link RatioNet}), trained jointly one iteration at a time
 * (METHODS.md section 4).
 */
final class LatentEbm {
    private final LebmParams p;
    private final Dataset data;
    private final MinMax yRange;
    private final LatentVae vae;
    private final RatioNet ratio;
    private final AdamGroup vaeAdam;
    private final AdamGroup ratioAdam;
    private final StageSchedule schedule;
    private final SplittableRandom rng;
    private final int positions;
    private int[] order;
    private int cursor;

    LatentEbm(LebmParams p, Dataset data, int vocabulary, long seed) {
        this.p = p;
        this.data = data;
        this.yRange = data.yRange();
        this.positions = data.width();
        this.rng = new SplittableRandom(seed);
        this.vae = new LatentVae(positions, vocabulary, p.latentDim(),
                new LatentVae.VaeWeights(p.reconWeight(), p.klWeight(), p.orthoWeight()), rng.nextLong());
        this.schedule = StageSchedule.of(p.stages(), p.stageSchedule(), p.stageWeighting());
        this.ratio = new RatioNet(p.latentDim(), p.ratioHidden(), p.ratioBlocks(), schedule.stages(), rng.nextLong());
        this.vaeAdam = vae.optimiser(p.vaeLearningRate(), 0.5, 0.999, p.clipNorm());
        this.ratioAdam = ratio.optimiser(p.ratioLearningRate(), 0.9, 0.999, p.clipNorm());
        this.order = new int[data.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.cursor = order.length;
    }

    /** What one iteration measured. */
    record StepLosses(double vaeLoss, double reconNll, double klQ0, double priorLoss, double vaeGradNorm,
                      double ratioGradNorm) {
        boolean finite() {
            return Double.isFinite(vaeLoss) && Double.isFinite(priorLoss);
        }
    }

    /** One training iteration: an ELBO step of the VAE, then a ratio-estimation step of the prior. */
    StepLosses step() {
        int[] rows = nextBatch();
        int[][] tokens = new int[rows.length][];
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            tokens[i] = data.tokens(rows[i]);
            y[i] = (float) yRange.normalise(data.y()[rows[i]]);
        }
        INDArray x = vae.oneHot(tokens);
        INDArray yv = Nd4j.createFromArray(y).reshape(rows.length, 1);
        INDArray eps = gaussian(rows.length, p.latentDim());
        INDArray z = vae.encode(x, yv, eps);
        double[] vaeLoss = vaeStep(vae, ratio, vaeAdam, x, yv, eps, z);

        float[] flat = RowArrays.flat(z);
        float[][] posterior = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            posterior[i] = java.util.Arrays.copyOfRange(flat, i * p.latentDim(), (i + 1) * p.latentDim());
        }
        PriorBatch batch = p.objective() == PriorObjective.MLE
                ? PriorBatch.mle(posterior, mleNegatives(rows.length))
                : PriorBatch.n2ce(posterior, schedule, p.noiseMagnitude(), rng);
        double priorLoss = priorStep(ratio, ratioAdam, batch, p.objective(), Math.log(p.noiseMagnitude()),
                p.ratioPenalty());
        return new StepLosses(vaeLoss[0], vaeLoss[1], vaeLoss[2], priorLoss, vaeAdam.lastGradientNorm(),
                ratioAdam.lastGradientNorm());
    }

    /**
     * The VAE's step at posterior samples z = encode(x, y, eps): the prior's gradient at z, the
     * ELBO's gradients, Adam. Returns {loss, recon_nll, kl_q0}.
     */
    static double[] vaeStep(LatentVae vae, RatioNet ratio, AdamGroup adam, INDArray x, INDArray y, INDArray eps,
                            INDArray z) {
        double[] loss = vae.gradients(x, y, eps, ratio.stageSumAndGradient(z)[1], adam);
        adam.step();
        return loss;
    }

    /** The prior's step on one batch: forward, loss, backward, Adam. Returns the loss; frees the batch. */
    static double priorStep(RatioNet ratio, AdamGroup adam, PriorBatch batch, PriorObjective objective, double logM,
                            double penalty) {
        float[] f = ratio.forward(batch.z(), batch.counts()).toFloatVector();
        float[] df = new float[f.length];
        double loss = objective == PriorObjective.MLE
                ? PriorLoss.mle(f, batch, df)
                : PriorLoss.n2ce(f, batch, logM, penalty, df);
        ratio.zeroGrad();
        INDArray dfArray = Nd4j.createFromArray(df).reshape(f.length, 1);
        ratio.backward(dfArray, true, false);
        adam.step();
        // free the step's large off-heap arrays now: their small Java wrappers give the
        // garbage collector no reason to run before off-heap memory piles up
        batch.z().close();
        dfArray.close();
        return loss;
    }

    /** Short-run Langevin from q0 on the current prior (MLE-LEBM's negatives). */
    private float[][] mleNegatives(int n) {
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

    /** Rows of the next minibatch: a fresh permutation every epoch. */
    private int[] nextBatch() {
        int n = Math.min(p.batchSize(), order.length);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            if (cursor >= order.length) {
                shuffle();
                cursor = 0;
            }
            rows[i] = order[cursor++];
        }
        return rows;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private INDArray gaussian(int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return Nd4j.createFromArray(v).reshape(rows, cols);
    }

    /** Q starting particles from q0 = N(0, I) (the paper does not say; README). */
    double[][] initialParticles(int q, SplittableRandom r) {
        double[][] z = new double[q][p.latentDim()];
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return z;
    }

    /** l(z) with y_max the visible data's best normalised score (1 by construction). */
    LatentObjective proposalObjective() {
        return new LatentObjective(vae, ratio, yRange.normalise(data.maxY()), p.lambda1(), p.lambda2());
    }

    /** Decodes latent particles to designs (argmax token per position). */
    int[][] decode(double[][] z) {
        return vae.decode(RowArrays.toArray(z));
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
}
