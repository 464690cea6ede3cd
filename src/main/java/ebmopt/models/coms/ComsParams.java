package ebmopt.models.coms;

import ebmopt.models.regression.HiddenActivation;
import ebmopt.models.regression.RegressorSettings;
import ebmopt.models.regression.TrainerKind;
import ebmopt.sampling.StepSchedule;

import java.util.List;

import static ebmopt.config.InvalidParameterException.require;

/**
 * Parameters of the COMs experiments (docs/methods.md sections 5 and 6; defaults: design-baselines'
 * TF-Bind settings). Step sizes: eta of gradient ascent (original) or e_t of Langevin
 * (stochastic, decoupled), geometric from {@code *-step-size} to {@code *-final-step-size};
 * with {@code scale-steps-by-sqrt-dim} both are multiplied by sqrt(d), as design-baselines
 * scales its particle learning rate.
 *
 * @param task                 a task of {@code ebmopt.tasks.TaskRegistry} (tf-bind-8, branin, spiral, ...)
 * @param variant              original | stochastic | decoupled
 * @param alpha                COMs' conservatism weight (fixed) or its initial value (dual); 0 for decoupled
 * @param alphaMode            fixed | dual
 * @param tau                  the dual ascent's tolerance (design-baselines: 2.0 on TF-Bind)
 * @param alphaLearningRate    Adam's learning rate on log alpha
 * @param hidden               hidden widths of f (and of f_omega and the energy model)
 * @param learningRate         Adam's learning rate
 * @param batchSize            minibatch rows
 * @param epochs               passes over the training rows
 * @param validationSize       rows held out to measure the regression error (val_mse)
 * @param normaliseX           z-score the (encoded) designs with the training rows' statistics
 * @param normaliseY           z-score the scores
 * @param negativeStart        where training chains start: batch (CD-k, COMs) | uniform (on [start-low, start-high]^d) | mixed (half each)
 *                             | persistent (where earlier chains ended: persistent CD with a replay buffer)
 * @param replayBufferSize     persistent: the replay buffer's points
 * @param replayReinit         persistent: the probability that a drawn buffer point restarts from uniform noise
 * @param trainSamplerSteps    k: chain steps per negative batch
 * @param trainStepSize        the first training-chain step
 * @param trainFinalStepSize   the last training-chain step
 * @param generationSteps      chain steps when proposing
 * @param generationStepSize   the first generation step
 * @param generationFinalStepSize the last generation step
 * @param scaleStepsBySqrtDim  multiply every step size by sqrt(d)
 * @param energyRegularisation decoupled: the energy model's squared-output penalty
 * @param energyActivation     decoupled: the energy model's hidden activation, relu or swish (smooth)
 * @param tilt                 w: decoupled's weight of f_omega in p_theta(x) exp(w f_omega(x))
 * @param queryBudget          Q: designs proposed (and samples drawn on the spiral)
 * @param start                top-q | uniform
 * @param startLow             uniform start: lower bound per coordinate
 * @param startHigh            uniform start: upper bound per coordinate
 * @param recordCandidates     record every proposed design in the candidates table
 * @param regressorTrainer     how the plain-MSE regressors train (the gradient-ascent baseline's f at
 *                             alpha = 0, decoupled's f_omega): local, or spark (data-parallel with
 *                             Deeplearning4j's parameter averaging; the trial runs on the driver)
 * @param regressorSparkWorkers   spark: workers training in parallel (0: Spark's default parallelism)
 * @param regressorAveragingFrequency spark: minibatches per worker between parameter averagings
 */
public record ComsParams(String task, ComsVariant variant, double alpha, AlphaMode alphaMode, double tau,
                         double alphaLearningRate, List<Integer> hidden, double learningRate, int batchSize,
                         int epochs, int validationSize, boolean normaliseX, boolean normaliseY,
                         NegativeStart negativeStart, int replayBufferSize, double replayReinit,
                         int trainSamplerSteps, double trainStepSize, double trainFinalStepSize, int generationSteps,
                         double generationStepSize, double generationFinalStepSize, boolean scaleStepsBySqrtDim,
                         double energyRegularisation, HiddenActivation energyActivation, double tilt, int queryBudget, GenerationStart start,
                         double startLow, double startHigh, boolean recordCandidates,
                         TrainerKind regressorTrainer, int regressorSparkWorkers, int regressorAveragingFrequency) {
    public ComsParams {
        require(alpha >= 0 && Double.isFinite(alpha), "alpha", "must be a finite number >= 0");
        require(alphaMode == AlphaMode.FIXED || alpha > 0, "alpha", "must be > 0 with alpha-mode = dual (its start)");
        require(variant != ComsVariant.DECOUPLED || (alpha == 0 && alphaMode == AlphaMode.FIXED), "alpha",
                "is not used by the decoupled variant (its energy model is trained by contrastive divergence alone); "
                        + "leave it at 0 with alpha-mode = fixed");
        require(variant == ComsVariant.DECOUPLED || tilt == 0, "tilt", "is used by the decoupled variant only; leave it at 0");
        require(tilt >= 0 && Double.isFinite(tilt), "tilt", "must be a finite number >= 0");
        require(alphaLearningRate > 0, "alpha-learning-rate", "must be > 0");
        require(validationSize >= 0, "validation-size", "must be >= 0");
        require(replayBufferSize >= 1, "replay-buffer-size", "must be >= 1");
        require(replayReinit >= 0 && replayReinit <= 1, "replay-reinit", "must be a probability in [0, 1]");
        require(trainSamplerSteps >= 0, "train-sampler-steps", "must be >= 0");
        require(generationSteps >= 0, "generation-steps", "must be >= 0");
        require(energyRegularisation >= 0, "energy-regularisation", "must be >= 0");
        require(energyActivation == HiddenActivation.RELU || energyActivation == HiddenActivation.SWISH,
                "energy-activation", "must be relu or swish");
        require(queryBudget >= 1, "query-budget", "must be >= 1");
        require(startLow < startHigh, "start-high", "must be above start-low");
        new StepSchedule(trainStepSize, trainFinalStepSize);
        new StepSchedule(generationStepSize, generationFinalStepSize);
        require(!hidden.isEmpty() && hidden.stream().allMatch(h -> h >= 1), "hidden", "must list widths >= 1");
        require(learningRate > 0, "learning-rate", "must be > 0");
        require(batchSize >= 1, "batch-size", "must be >= 1");
        require(epochs >= 1, "epochs", "must be >= 1");
        require(regressorTrainer != null, "regressor-trainer", "must be local or spark");
        require(regressorTrainer == TrainerKind.LOCAL || trainsPlainRegressor(variant, alpha, alphaMode),
                "regressor-trainer", "spark trains only plain-MSE regressors: the gradient-ascent baseline "
                        + "(variant = original, alpha = 0, alpha-mode = fixed) and decoupled's f_omega. COMs' "
                        + "conservative f needs its own ascent negatives inside the loss, which Deeplearning4j's "
                        + "training master cannot compute: use local for variant = %s, alpha = %s, alpha-mode = %s",
                variant.name().toLowerCase(java.util.Locale.ROOT), alpha,
                alphaMode.name().toLowerCase(java.util.Locale.ROOT));
        require(regressorSparkWorkers >= 0, "regressor-spark-workers", "must be >= 0 (0: Spark's default parallelism)");
        require(regressorAveragingFrequency >= 1, "regressor-averaging-frequency", "must be >= 1");
        hidden = List.copyOf(hidden);
    }

    /** Whether the variant trains a plain-MSE regressor (to which regressor-trainer applies). */
    static boolean trainsPlainRegressor(ComsVariant variant, double alpha, AlphaMode alphaMode) {
        return variant == ComsVariant.DECOUPLED || (alpha == 0 && alphaMode == AlphaMode.FIXED);
    }

    /**
     * The network (ReLU) and minibatch schedule of every model the variant trains, and where a
     * plain regressor is trained ({@code ebmopt.models.regression.RegressorTrainer}).
     */
    public RegressorSettings network() {
        return new RegressorSettings(hidden, HiddenActivation.RELU, learningRate, batchSize, epochs, regressorTrainer,
                regressorSparkWorkers, regressorAveragingFrequency);
    }

    /** The training chains in d dimensions. */
    ChainSampler trainSampler(int d) {
        double s = scaleStepsBySqrtDim ? Math.sqrt(d) : 1;
        StepSchedule schedule = new StepSchedule(s * trainStepSize, s * trainFinalStepSize);
        return variant == ComsVariant.ORIGINAL ? ChainSampler.ascent(trainSamplerSteps, schedule)
                : ChainSampler.langevin(trainSamplerSteps, schedule);
    }

    /** The generation chains in d dimensions. */
    ChainSampler generationSampler(int d) {
        double s = scaleStepsBySqrtDim ? Math.sqrt(d) : 1;
        StepSchedule schedule = new StepSchedule(s * generationStepSize, s * generationFinalStepSize);
        return variant == ComsVariant.ORIGINAL ? ChainSampler.ascent(generationSteps, schedule)
                : ChainSampler.langevin(generationSteps, schedule);
    }
}
