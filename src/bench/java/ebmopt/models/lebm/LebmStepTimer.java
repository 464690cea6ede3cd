package ebmopt.models.lebm;

import ebmopt.optim.Adam;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The product's own LEBM steps as runnables, for {@code submit/bench-n2ce}
 * ({@code ebmopt.bench.N2ceStepBenchmark}): the prior's N2CE step at the paper's scale
 * (n1 = 128, n2 = M n1, 16 residual blocks, K = 6) through {@link RatioNet}, the VAE's step,
 * and one SVGD iteration over l(z).
 *
 * <p>Benchmark code, not product code: it lives in the benchmarks' source set
 * ({@code src/bench/java}, compiled into target/test-classes) and sits in the model's package,
 * as the model's tests do, to reach its package-private classes without widening them.
 */
public final class LebmStepTimer {
    private final LatentVae vae;
    private final RatioNet ratio;
    private final Adam vaeAdam;
    private final Adam ratioAdam;
    private final StageSchedule schedule = StageSchedule.of(6, List.of(), StageWeighting.PRINTED);
    private final SplittableRandom rng = new SplittableRandom(0);
    private final int positives;
    private final int noiseMagnitude;
    private final INDArray x;
    private final INDArray y;

    /** The paper's design-bench scale on a TF-Bind-8-shaped task (8 positions, 4 tokens). */
    public LebmStepTimer(int positives, int noiseMagnitude, int blocks) {
        this(positives, noiseMagnitude, blocks, RatioNet.TRAINING_PARTS);
    }

    /** As above, the prior's training step in {@code trainingParts} parts (1: the whole batch in one pass). */
    public LebmStepTimer(int positives, int noiseMagnitude, int blocks, int trainingParts) {
        this.positives = positives;
        this.noiseMagnitude = noiseMagnitude;
        vae = new LatentVae(8, 4, 20, new LatentVae.VaeWeights(50, 50, 0.75, 0.001), 1);
        ratio = new RatioNet(20, 128, blocks, schedule.stages(), 2, trainingParts);
        vaeAdam = vae.optimiser(1e-4, 0.5, 0.999, 100);
        ratioAdam = ratio.optimiser(5e-5, 0.9, 0.999, 100);
        int[][] tokens = new int[positives][8];
        for (int[] row : tokens) {
            for (int p = 0; p < 8; p++) {
                row[p] = rng.nextInt(4);
            }
        }
        x = vae.oneHot(tokens);
        y = Nd4j.rand(DataType.FLOAT, positives, 1);
    }

    /** Multiply-adds of the ratio network per row (as the peer counts them: stage branch per row). */
    public long ratioMultiplyAddsPerRow() {
        return ratio.layers().stream().mapToLong(d -> d.w.length()).sum();
    }

    /** The prior's step alone: N2CE batch, forward, loss, backward, Adam. */
    public Runnable priorStep() {
        float[][] posterior = Nd4j.randn(DataType.FLOAT, positives, 20).toFloatMatrix();
        return () -> LatentEbm.priorStep(ratio, ratioAdam, PriorBatch.n2ce(posterior, schedule, noiseMagnitude, rng),
                PriorObjective.N2CE, Math.log(noiseMagnitude), 0, () -> { });
    }

    /** The VAE's step alone (encoder, the prior's gradient at z, ELBO gradients, Adam). */
    public Runnable vaeStep() {
        return () -> {
            INDArray eps = Nd4j.randn(DataType.FLOAT, positives, 20);
            INDArray z = vae.encode(x, y, eps);
            LatentEbm.vaeStep(vae, vaeAdam, x, y, eps, ratio.stageSumAndGradient(z)[1]);
        };
    }

    /** One SVGD iteration's gradient of l(z) for Q particles (the kernel terms are separate). */
    public Runnable samplerGradient(int particles) {
        LatentObjective l = new LatentObjective(vae, ratio, 1.0, 20, 1);
        double[][] z = Nd4j.randn(DataType.DOUBLE, particles, 20).toDoubleMatrix();
        return () -> l.gradient(z);
    }

    /** One whole SVGD iteration for Q particles (gradient, kernel, Adam), as the sampler runs it. */
    public Runnable svgdIteration(int particles) {
        LatentObjective l = new LatentObjective(vae, ratio, 1.0, 20, 1);
        double[][] z = Nd4j.randn(DataType.DOUBLE, particles, 20).toDoubleMatrix();
        ebmopt.sampling.Svgd svgd = new ebmopt.sampling.Svgd(1, 0.3);
        return () -> svgd.run(l, z, t -> { });
    }

    /**
     * Whole training iterations ({@code LatentEbm.step}) of an LEBM with the paper's settings (the
     * experiment's defaults) on a TF-Bind-8-shaped dataset of 4,096 random designs.
     */
    public static Runnable iteration() {
        SplittableRandom r = new SplittableRandom(4);
        int rows = 4096;
        int[] tokens = new int[rows * 8];
        double[] scores = new double[rows];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = r.nextInt(4);
        }
        for (int i = 0; i < rows; i++) {
            scores[i] = r.nextDouble();
        }
        LebmParams p = ebmopt.config.RecordBinder.bind(ebmopt.experiment.ExperimentRegistry.defaults("lebm"), "params",
                LebmParams.class);
        LatentEbm model = new LatentEbm(p, new ebmopt.tasks.Dataset(rows, 8, tokens, null, scores),
                new ebmopt.tasks.Encoding.Discrete(8, 4), 1);
        int[] iteration = {0};
        return () -> model.step(++iteration[0]);
    }
}
