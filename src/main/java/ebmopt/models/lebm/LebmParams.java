package ebmopt.models.lebm;

import static ebmopt.config.InvalidParameterException.require;

import ebmopt.config.IdentityDefault;

import java.util.List;

/**
 * Parameters of an N2CE latent-EBM trial (docs/methods.md section 4); defaults in
 * {@code ebmopt/models/lebm/defaults.conf} are the paper's settings.
 *
 * @param task               the task (tf-bind-8, tf-bind-10: tokens; branin, branin-50: real vectors)
 * @param objective          n2ce | mle
 * @param noiseMagnitude     M (n2ce; 1 is NCE): negatives per positive, n2 = M n1
 * @param stages             K: the prior has K + 1 ratio stages (mle: must be 0)
 * @param stageSchedule      s_k^2 for k = 0..K; empty: the paper's list for K = 3, 6, else linear
 * @param stageWeighting     printed | reversed | uniform
 * @param ratioPenalty       weight of E[f^2] added to the prior's loss, N2CE or MLE (0: off)
 * @param latentDim          the latent dimension (20)
 * @param ratioHidden        the ratio network's width (128)
 * @param ratioBlocks        the ratio network's residual blocks (16)
 * @param batchSize          n1, data rows per iteration (128)
 * @param iterations         training iterations
 * @param vaeLearningRate    Adam (beta1 0.5) for encoder and generator (1e-4)
 * @param ratioLearningRate  Adam (default betas) for the ratio network (5e-5)
 * @param clipNorm           gradient-norm clipping of each optimiser (100)
 * @param reconWeight        weight of -log p(x | z) in the ELBO (50)
 * @param yWeight            the multiplier w of 0.5 (y - g_y(z))^2, the y term of the ELBO on min-max
 *                           normalised y: the paper weights -log p(x, y | z) by 50 and calls p(y | z)'s
 *                           variance pre-specified without giving it; we read p(y | z) as a
 *                           unit-variance Gaussian under that weight, so the default 50 (= the default
 *                           recon-weight) puts 25 on (y - g_y)^2. w equals a Gaussian p(y | z) of
 *                           standard deviation 1 / sqrt(w) (0.141 at 50) taken with weight 1
 * @param decoderStd         sigma of the Gaussian p(x | z) of real-vector designs, on the min-max
 *                           normalised x (1.0: a standard deviation as wide as the visible data's
 *                           range in every feature): the x term is recon-weight times
 *                           |x - g_x(z)|^2 / (2 sigma^2) + d log sigma. Proposals decode to the
 *                           generator's mean g_x(z), which sigma does not enter (nothing samples
 *                           p(x | z)); sigma acts through training only. Token designs have a
 *                           categorical p(x | z): must be 1 for them
 * @param encoderInput       x-and-y | x: the encoder's input, the paper's q(z | x, y) or q(z | x).
 *                           Added after trials had run: at x-and-y it is left out of trial ids
 * @param klWeight           weight of KL(q || p_a) (0.75)
 * @param orthoWeight        orthogonal regularisation of the generator's weights (0.001)
 * @param mleLangevinSteps   short-run Langevin steps of MLE negatives (60)
 * @param mleLangevinStep    their step size s (0.4)
 * @param sampler            svgd | langevin
 * @param samplerStart       q0 | top-designs: where the Q particles start (the paper does not say;
 *                           q0). Added after trials had run: at q0 it is left out of trial ids
 * @param candidates         Q, designs proposed
 * @param samplerSteps       T of the final sampling (500)
 * @param svgdStepSize       Adam's step size in SVGD (0.3 to 0.5)
 * @param langevinStepSize   s of Langevin sampling
 * @param lambda1            weight of |y_max - g_y(z)|^2 in l(z) (20)
 * @param lambda2            weight of the prior in l(z) (1)
 * @param yTarget            y_max of l(z) on the visible data's min-max normalised y: 1 is the best
 *                           visible score (the paper's reading), 1.1 asks for a tenth of the visible
 *                           range above it. Added after trials had run: at 1.0 it is left out of trial ids
 * @param evalEvery          score proposals every this many iterations for the learning
 *                           curves (0: only at the end)
 * @param evalSamplerSteps   sampler steps at those checkpoints (fewer than the final T)
 * @param lossCurveEvery     record the loss curves every this many iterations
 */
public record LebmParams(String task, PriorObjective objective, int noiseMagnitude, int stages,
                         List<Double> stageSchedule, StageWeighting stageWeighting, double ratioPenalty,
                         int latentDim, int ratioHidden, int ratioBlocks, int batchSize, int iterations,
                         double vaeLearningRate, double ratioLearningRate, double clipNorm, double reconWeight,
                         double yWeight, double decoderStd, @IdentityDefault("x-and-y") EncoderInput encoderInput,
                         double klWeight, double orthoWeight, int mleLangevinSteps, double mleLangevinStep,
                         LatentSamplerKind sampler, @IdentityDefault("q0") SamplerStart samplerStart, int candidates,
                         int samplerSteps, double svgdStepSize, double langevinStepSize, double lambda1,
                         double lambda2, @IdentityDefault("1.0") double yTarget, int evalEvery, int evalSamplerSteps,
                         int lossCurveEvery) {
    public LebmParams {
        require(noiseMagnitude >= 1, "noise-magnitude", "must be >= 1");
        require(stages >= 0, "stages", "must be >= 0");
        require(objective != PriorObjective.MLE || stages == 0, "stages", "must be 0 for objective mle (one energy)");
        require(objective != PriorObjective.MLE || noiseMagnitude == 1, "noise-magnitude",
                "is not used by objective mle; leave it at 1");
        require(stageSchedule.isEmpty() || stageSchedule.size() == stages + 1, "stage-schedule",
                "must list K + 1 = %d values of s_k^2 (or be empty), has %d", stages + 1, stageSchedule.size());
        require(ratioPenalty >= 0, "ratio-penalty", "must be >= 0");
        require(latentDim >= 1, "latent-dim", "must be >= 1");
        require(ratioHidden >= 2 && ratioHidden % 2 == 0, "ratio-hidden", "must be an even number >= 2");
        require(ratioBlocks >= 0, "ratio-blocks", "must be >= 0");
        require(batchSize >= 2, "batch-size", "must be >= 2");
        require(iterations >= 0, "iterations", "must be >= 0");
        require(vaeLearningRate > 0, "vae-learning-rate", "must be > 0");
        require(ratioLearningRate > 0, "ratio-learning-rate", "must be > 0");
        require(clipNorm > 0, "clip-norm", "must be > 0");
        require(reconWeight > 0, "recon-weight", "must be > 0");
        require(yWeight >= 0, "y-weight", "must be >= 0");
        require(decoderStd > 0, "decoder-std", "must be > 0");
        require(klWeight >= 0, "kl-weight", "must be >= 0");
        require(orthoWeight >= 0, "ortho-weight", "must be >= 0");
        require(mleLangevinSteps >= 1, "mle-langevin-steps", "must be >= 1");
        require(mleLangevinStep > 0, "mle-langevin-step", "must be > 0");
        require(candidates >= 2, "candidates", "must be >= 2 (SVGD's bandwidth needs pairs)");
        require(samplerSteps >= 1, "sampler-steps", "must be >= 1");
        require(svgdStepSize > 0, "svgd-step-size", "must be > 0");
        require(langevinStepSize > 0, "langevin-step-size", "must be > 0");
        require(lambda1 >= 0, "lambda1", "must be >= 0");
        require(lambda2 >= 0, "lambda2", "must be >= 0");
        require(Double.isFinite(yTarget), "y-target", "must be a finite number");
        require(evalEvery >= 0, "eval-every", "must be >= 0");
        require(evalSamplerSteps >= 1, "eval-sampler-steps", "must be >= 1");
        require(lossCurveEvery >= 1, "loss-curve-every", "must be >= 1");
        stageSchedule = List.copyOf(stageSchedule);
    }

    /** Fails for a decoder-std other than 1 when the task's designs are tokens (their p(x | z) is categorical). */
    void requireDecoderStdFits(boolean tokenDesigns) {
        require(!tokenDesigns || decoderStd == 1.0, "decoder-std", "decoder-std applies to real-vector designs "
                + "only; %s has token designs (a categorical p(x | z)): leave it at 1", task);
    }
}
