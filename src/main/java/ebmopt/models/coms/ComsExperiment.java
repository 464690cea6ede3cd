package ebmopt.models.coms;

import ebmopt.experiment.Experiment;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialOutcome;
import ebmopt.models.regression.LocalRegressorTrainer;
import ebmopt.models.regression.Minibatches;
import ebmopt.models.regression.Regressor;
import ebmopt.models.regression.RegressorTrainer;
import ebmopt.models.regression.TrainerKind;
import ebmopt.oracle.TrainedOracles;
import ebmopt.sampling.LogDensity;
import ebmopt.tasks.ProposalScores;
import ebmopt.tasks.SpiralTask;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * COMs and its energy-model variants as an experiment (job.experiment = coms): trains the
 * variant's models on the task's visible data, proposes Q designs and scores them with the
 * oracle.
 *
 * <p>Metrics: {@code score_p100/p75/p50/p25} (normalised with the full dataset's range),
 * {@code visible_score_p100/p75/p50/p25} (on the visible data's scale; {@link ProposalScores}),
 * on Branin {@code raw_best} and {@code raw_median} (f of the best and the median proposal),
 * {@code val_mse} (the regressor on
 * held-out rows, normalised y), {@code alpha_final}, {@code overestimation} (mean f(x-) -
 * mean f(x) in the last epoch); on the spiral also {@link SpiralMetrics}'. Curves per epoch:
 * {@code alpha}, {@code overestimation}, {@code train_mse}. Candidates: the Q proposals.
 */
public final class ComsExperiment implements Experiment<ComsParams> {
    private final RegressorTrainer regressorTrainer;

    /** With the local trainer for plain regressors (what the service loader builds). */
    public ComsExperiment() {
        this(new LocalRegressorTrainer());
    }

    /** With {@code regressorTrainer} for the plain-MSE regressors (gradient ascent's f, f_omega) under {@code regressor-trainer = local}. */
    public ComsExperiment(RegressorTrainer regressorTrainer) {
        this.regressorTrainer = regressorTrainer;
    }

    @Override
    public String name() {
        return "coms";
    }

    @Override
    public Class<ComsParams> paramsType() {
        return ComsParams.class;
    }

    @Override
    public String defaultsResource() {
        return "ebmopt/models/coms/defaults.conf";
    }

    /** Data-parallel regressor training needs the driver's Spark context. */
    @Override
    public boolean runsOnDriver(ComsParams p) {
        return p.regressorTrainer() == TrainerKind.SPARK;
    }

    /** Trains (or finds cached) the re-trained oracle of any task the trials name that has one (Superconductor). */
    @Override
    public void prepareOnDriver(SparkSession spark, Path dataDir, List<ComsParams> pending) {
        TrainedOracles.prepare(spark, dataDir, pending.stream().map(ComsParams::task).toList());
    }

    @Override
    public void checkInputs(ComsParams p, Path dataDir) {
        TaskRegistry.checkData(p.task(), dataDir);
    }

    @Override
    public double costEstimate(ComsParams p) {
        double width = p.hidden().stream().mapToDouble(h -> h).sum();
        double perBatch = p.trainSamplerSteps() * 3.0 + 3.0;
        double models = p.variant() == ComsVariant.DECOUPLED ? 2 : 1;
        return width * p.epochs() * perBatch * models + width * p.generationSteps() * p.queryBudget() / 100.0;
    }

    @Override
    public TrialOutcome run(ComsParams p, TrialContext context) {
        TrialOutcome outcome = new TrialOutcome().backend("nd4j " + Nd4j.getBackend().getClass().getSimpleName());
        Task task = TaskRegistry.load(p.task(), context.dataDir(), context.seed());
        task.dataChecksums().forEach(outcome::dataChecksum);
        DesignSpace space = DesignSpace.of(task, p.normaliseX(), p.normaliseY());
        SplittableRandom rng = new SplittableRandom(context.seed());
        Split split = Split.of(space.x(), space.y(), p.validationSize(), rng.nextLong());
        int d = space.dimension();

        SplittableRandom noiseRng = new SplittableRandom(rng.nextLong());
        ChainStarts starts = new ChainStarts(p.negativeStart(), p.replayBufferSize(), p.replayReinit(),
                () -> uniformPoint(p, space, noiseRng));
        ConservativeTrainer conservative = new ConservativeTrainer(p.network(), 1, p.alpha(), p.alphaMode(), p.tau(),
                p.alphaLearningRate(), 0, p.trainSampler(d), starts);
        long totalBatches = conservative.batches(split.trainX().length);
        LogDensity density;
        Regressor regressor;
        if (p.variant() == ComsVariant.DECOUPLED) {
            regressor = trainRegressor(p, context, split, rng.nextLong());
            ConservativeTrainer energy = new ConservativeTrainer(p.network().withActivation(p.energyActivation()), 0, 1,
                    AlphaMode.FIXED, p.tau(), p.alphaLearningRate(), p.energyRegularisation(), p.trainSampler(d),
                    starts);
            ConservativeTrainer.Trained e = energy.train(split.trainX(), split.trainY(), rng.nextLong(),
                    b -> context.progress(b, totalBatches));
            recordCurves(outcome, e, "energy_");
            double w = p.tilt();
            Regressor f = regressor;
            density = z -> tilted(w, f.inputGradient(z), e.network().inputGradient(z));
            outcome.metric("energy_gap", e.overestimations().get(e.overestimations().size() - 1));
        } else if (p.alpha() == 0 && p.alphaMode() == AlphaMode.FIXED) {
            regressor = trainRegressor(p, context, split, rng.nextLong());
            density = regressor::inputGradient;
            outcome.metric("alpha_final", 0);
        } else {
            ConservativeTrainer.Trained f = conservative.train(split.trainX(), split.trainY(), rng.nextLong(),
                    b -> context.progress(b, totalBatches));
            recordCurves(outcome, f, "");
            regressor = f.network();
            density = regressor::inputGradient;
            outcome.metric("alpha_final", f.finalAlpha())
                    .metric("overestimation", f.overestimations().get(f.overestimations().size() - 1));
        }
        if (split.validX().length > 0) {
            outcome.metric("val_mse", mse(regressor.predict(split.validX()), split.validY()));
        }
        double[][] start = start(p, space, rng);
        double[][] proposals = p.generationSampler(d).run(density, start, rng);
        ProposalScores scores = space.score(proposals);
        scores.recordTo(outcome, "", p.recordCandidates());
        if (task instanceof SpiralTask) {
            double[][] samples = IntStream.range(0, proposals.length).mapToObj(i -> space.denormalise(proposals[i]))
                    .toArray(double[][]::new);
            SpiralMetrics.record(outcome, samples);
            recordField(outcome, p, space, density);
        }
        return outcome;
    }

    /** A plain-MSE regressor on the training rows: in this thread, or data-parallel on the cluster. */
    private Regressor trainRegressor(ComsParams p, TrialContext context, Split split, long seed) {
        RegressorTrainer trainer = p.regressorTrainer() == TrainerKind.LOCAL ? regressorTrainer
                : RegressorTrainer.forContext(context.sparkContext());
        return trainer.fit(split.trainX(), split.trainY(), p.network(), seed);
    }

    /** w grad f_omega + grad f_theta: the gradient of log p_theta(x) + w f_omega(x). */
    static double[][] tilted(double w, double[][] regressorGradient, double[][] energyGradient) {
        double[][] out = new double[energyGradient.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[energyGradient[i].length];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = w * regressorGradient[i][k] + energyGradient[i][k];
            }
        }
        return out;
    }

    private static double[][] start(ComsParams p, DesignSpace space, SplittableRandom rng) {
        int q = p.queryBudget();
        if (p.start() == GenerationStart.TOP_Q) {
            double[] y = space.y();
            return IntStream.range(0, y.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -y[i]))
                    .limit(q).map(i -> space.x()[i].clone()).toArray(double[][]::new);
        }
        double[][] out = new double[q][];
        for (int i = 0; i < q; i++) {
            out[i] = uniformPoint(p, space, rng);
        }
        return out;
    }

    /** A point uniform on [start-low, start-high]^d (task coordinates), in model coordinates. */
    private static double[] uniformPoint(ComsParams p, DesignSpace space, SplittableRandom rng) {
        double[] raw = new double[space.dimension()];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = p.startLow() + (p.startHigh() - p.startLow()) * rng.nextDouble();
        }
        return space.normalise(raw);
    }

    /** Points per side of the grid on which the spiral's sampled gradient field is recorded. */
    static final int FIELD_GRID = 21;

    /**
     * The gradient the generation chains follow (grad f, or w grad f_omega + grad f_theta) on a
     * {@link #FIELD_GRID} x {@link #FIELD_GRID} grid over [start-low, start-high]^2, as curves
     * {@code field_grad_x1} and {@code field_grad_x2} whose step is i * FIELD_GRID + j (x1 index
     * i, x2 index j): the report draws it as a vector field.
     */
    private static void recordField(TrialOutcome outcome, ComsParams p, DesignSpace space, LogDensity density) {
        double[][] points = new double[FIELD_GRID * FIELD_GRID][];
        for (int i = 0; i < FIELD_GRID; i++) {
            for (int j = 0; j < FIELD_GRID; j++) {
                double x1 = p.startLow() + (p.startHigh() - p.startLow()) * i / (FIELD_GRID - 1);
                double x2 = p.startLow() + (p.startHigh() - p.startLow()) * j / (FIELD_GRID - 1);
                points[i * FIELD_GRID + j] = space.normalise(new double[] {x1, x2});
            }
        }
        double[][] g = density.gradient(points);
        for (int n = 0; n < g.length; n++) {
            outcome.curve("field_grad_x1", n, g[n][0]);
            outcome.curve("field_grad_x2", n, g[n][1]);
        }
    }

    private static void recordCurves(TrialOutcome outcome, ConservativeTrainer.Trained t, String prefix) {
        for (int e = 0; e < t.alphas().size(); e++) {
            outcome.curve(prefix + "alpha", e + 1, t.alphas().get(e));
            outcome.curve(prefix + "overestimation", e + 1, t.overestimations().get(e));
            outcome.curve(prefix + "train_mse", e + 1, t.mses().get(e));
        }
    }

    private static double mse(double[] f, double[] y) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            s += (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s / f.length;
    }

    /** Training and held-out rows, drawn with a seed. */
    record Split(double[][] trainX, double[] trainY, double[][] validX, double[] validY) {
        static Split of(double[][] x, double[] y, int validation, long seed) {
            int n = x.length;
            int v = Math.min(validation, n / 5);
            int[] order = Minibatches.permutation(n, new SplittableRandom(seed)::nextInt);
            double[][] tx = new double[n - v][];
            double[] ty = new double[n - v];
            double[][] vx = new double[v][];
            double[] vy = new double[v];
            for (int r = 0; r < n; r++) {
                int i = order[r];
                if (r < v) {
                    vx[r] = x[i];
                    vy[r] = y[i];
                } else {
                    tx[r - v] = x[i];
                    ty[r - v] = y[i];
                }
            }
            return new Split(tx, ty, vx, vy);
        }
    }
}
