package ebmopt.models.lebm;

import ebmopt.experiment.Experiment;
import ebmopt.experiment.Resampling;
import ebmopt.experiment.TrialCheckpoints;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialDivergedException;
import ebmopt.experiment.TrialOutcome;
import ebmopt.oracle.RankCorrelation;
import ebmopt.oracle.TrainedOracles;
import ebmopt.sampling.Langevin;
import ebmopt.sampling.StepSchedule;
import ebmopt.sampling.Svgd;
import ebmopt.tasks.Percentile;
import ebmopt.tasks.ProposalScores;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N2CE latent EBMs for offline optimisation (job.experiment = lebm; docs/methods.md section 4):
 * train the VAE and its energy-based prior, then propose Q designs by sampling
 * p(z | y = y_max) and decoding them.
 *
 * <p>Metrics: {@code score_p100/p75/p50/p25}, the percentiles of the Q proposals normalised with
 * the full dataset's range, and {@code visible_score_p100/p75/p50/p25}, the same on the visible
 * data's scale (1 = the best visible design; {@link ProposalScores}); on Branin also
 * {@code raw_best} and {@code raw_median}, f of the best and the median proposal;
 * {@code train_seconds}, {@code seconds_per_iteration}, {@code sample_seconds}; the final
 * losses. Curves: {@code score_p100} and {@code score_p50} every {@code eval-every} iterations
 * (scored with {@code eval-sampler-steps} sampler steps), {@code vae_loss}, {@code recon_nll},
 * {@code kl_q0} and {@code prior_loss} every {@code loss-curve-every}. Candidates: the Q
 * designs and their oracle scores. {@code resumed_from_iteration}: 0, or the checkpoint's
 * iteration this attempt resumed from.
 *
 * <p>Long runs save their state every {@code run.checkpoint-interval} ({@link TrialCheckpoints}):
 * an interrupted trial resumes from its last save, and its results are those of the run that
 * was never interrupted (every random draw derives from the seed and the iteration).
 */
public final class LebmExperiment implements Experiment<LebmParams> {
    private static final Logger LOG = LoggerFactory.getLogger(LebmExperiment.class);
    /** The samplers' random streams: position 0 for the final proposals, i for the curve point at iteration i. */
    private static final long SAMPLER_SALT = 0x5DEECE66DL;

    @Override
    public String name() {
        return "lebm";
    }

    @Override
    public Class<LebmParams> paramsType() {
        return LebmParams.class;
    }

    @Override
    public String defaultsResource() {
        return "ebmopt/models/lebm/defaults.conf";
    }

    /** Trains (or finds cached) the re-trained oracle of any task the trials name that has one (Superconductor). */
    @Override
    public void prepareOnDriver(SparkSession spark, Path dataDir, List<LebmParams> pending) {
        TrainedOracles.prepare(spark, dataDir, pending.stream().map(LebmParams::task).toList());
    }

    @Override
    public Optional<Resampling<LebmParams>> resampling() {
        return Optional.of(new LebmResampling());
    }

    @Override
    public void checkInputs(LebmParams p, Path dataDir) {
        TaskRegistry.checkData(p.task(), dataDir);
        p.requireDecoderStdFits(TaskRegistry.hasTokenDesigns(p.task()));
    }

    @Override
    public double costEstimate(LebmParams p) {
        double rowsPerIteration = p.objective() == PriorObjective.MLE
                ? p.batchSize() * (2.0 + p.mleLangevinSteps())
                : p.batchSize() * (1.0 + p.noiseMagnitude());
        return rowsPerIteration * p.ratioBlocks() * p.iterations() + (double) p.candidates() * p.samplerSteps();
    }

    @Override
    public TrialOutcome run(LebmParams p, TrialContext context) {
        Task task = TaskRegistry.load(p.task(), context.dataDir(), context.seed());
        TrialOutcome outcome = new TrialOutcome().backend("nd4j " + Nd4j.getBackend().getClass().getSimpleName());
        task.dataChecksums().forEach(outcome::dataChecksum);
        LatentEbm model = new LatentEbm(p, task.visible(), task.encoding(), context.seed());
        TrialCheckpoints checkpoints = context.checkpoints();
        LatentEbmState.Progress resumed = resume(model, context, p.iterations());
        resumed.curves().forEach(c -> outcome.curve(c.metric(), c.step(), c.value()));
        long sampling = resumed.samplingNanos();

        long start = System.nanoTime() - resumed.trainNanos() - resumed.samplingNanos();
        LatentEbm.StepLosses last = null;
        for (int it = resumed.iterations() + 1; it <= p.iterations(); it++) {
            last = model.step(it);
            if (!last.finite()) {
                // the curves so far, and the last step's finite losses, go with the diverged trial
                recordFiniteLosses(outcome, it, last);
                outcome.metric("diverged_at_iteration", it);
                throw new TrialDivergedException("loss not finite at iteration " + it + ": " + last, outcome);
            }
            if (it % p.lossCurveEvery() == 0 || it == p.iterations()) {
                recordFiniteLosses(outcome, it, last);
            }
            if (p.evalEvery() > 0 && it % p.evalEvery() == 0 && it < p.iterations()) {
                long t0 = System.nanoTime();
                ProposalScores point = propose(model, task, p, p.evalSamplerSteps(), model.stream(SAMPLER_SALT, it))
                        .scores();
                point.recordCurve(outcome, it);
                sampling += System.nanoTime() - t0;
                // the learning curve as it grows: hours of training are otherwise silent but for step counts
                LOG.info(String.format(Locale.ROOT, "trial %s: iteration %d of %d: p100 %.3f, p50 %.3f (Q = %d, "
                        + "%d sampler steps); recon NLL %.2f, KL(q || q0) %.1f", context.trialId(), it,
                        p.iterations(), point.percentile(100), point.percentile(50), p.candidates(),
                        p.evalSamplerSteps(), last.reconNll(), last.klQ0()));
            }
            if (it < p.iterations() && checkpoints.due()) {
                long elapsed = System.nanoTime() - start;
                checkpoints.save(model.save(new LatentEbmState.Progress(it, elapsed - sampling, sampling,
                        outcome.curves())));
            }
            context.progress(it, p.iterations());
        }
        long trainNanos = System.nanoTime() - start - sampling;
        double trainSeconds = trainNanos / 1e9;
        if (checkpoints.keepsFinal()) {
            checkpoints.keepFinal(model.save(new LatentEbmState.Progress(p.iterations(), trainNanos, sampling,
                    outcome.curves())));
        }
        long t0 = System.nanoTime();
        Proposals proposals = finalProposals(model, task, p);
        double sampleSeconds = (System.nanoTime() - t0) / 1e9;
        ProposalScores scores = proposals.scores();
        scores.recordTo(outcome, "", true);
        recordPredicted(outcome, task, proposals);
        outcome.metric("sampler_fit_term", proposals.fitTerm()).metric("sampler_prior_term", proposals.priorTerm());
        scores.recordCurve(outcome, p.iterations());
        outcome.metric("resumed_from_iteration", resumed.iterations())
                .metric("train_seconds", trainSeconds)
                .metric("seconds_per_iteration", p.iterations() > 0 ? trainSeconds / p.iterations() : 0)
                .metric("sample_seconds", sampleSeconds);
        if (last != null) {
            outcome.metric("final_recon_nll", last.reconNll()).metric("final_prior_loss", last.priorLoss());
        }
        return outcome;
    }

    /**
     * Restores the trial's checkpoint into {@code model}, if it has one that fits; returns where
     * the run stands ({@link LatentEbmState.Progress#START} without a usable checkpoint).
     */
    private static LatentEbmState.Progress resume(LatentEbm model, TrialContext context, int iterations) {
        Optional<byte[]> saved = context.checkpoints().latest();
        if (saved.isEmpty()) {
            return LatentEbmState.Progress.START;
        }
        try {
            LatentEbmState.Progress resumed = model.restore(saved.get());
            LOG.info("trial {}: resuming from its checkpoint at iteration {} of {}", context.trialId(),
                    resumed.iterations(), iterations);
            return resumed;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // another model's state (an older code version) or a damaged file
            LOG.warn("trial {}: ignoring its checkpoint ({}); training from the start", context.trialId(),
                    e.getMessage());
            return LatentEbmState.Progress.START;
        }
    }

    /**
     * Q proposals: the oracle's scores of the decoded designs, the model's own prediction g_y(z)
     * (raw units), the two parts of l(z) and the learned log-ratio at the particles, averaged
     * ({@link LatentObjective#meanTerms}).
     */
    record Proposals(ProposalScores scores, double[] predicted, double fitTerm, double priorTerm, double logRatio) {
    }

    /**
     * The model's belief beside the oracle's verdict: {@code predicted_p50} and
     * {@code predicted_p100}, the median and best of g_y over the Q particles, normalised as the
     * oracle's scores are (far above score_p50, the sampler found designs the model overrates),
     * and {@code predicted_rank_corr}, the Spearman rank correlation of g_y(z) with the oracle's
     * score of the design g_x(z) decodes to, over the Q proposals (near 0: the model's own score
     * cannot tell its better proposals from its worse; left out when either side is constant, as
     * when every particle decodes to one design).
     */
    static void recordPredicted(TrialOutcome outcome, Task task, Proposals proposals) {
        double[] predicted = proposals.predicted();
        double[] normalised = Arrays.stream(predicted).map(task.scoreNormalisation()::normalise).sorted().toArray();
        outcome.metric("predicted_p50", Percentile.of(normalised, 50))
                .metric("predicted_p100", normalised[normalised.length - 1]);
        double rankCorr = RankCorrelation.spearman(predicted, proposals.scores().raw());
        if (Double.isFinite(rankCorr)) {
            outcome.metric("predicted_rank_corr", rankCorr);
        }
    }

    /** The trial's final proposals: T = sampler-steps, from the final sampling's own random stream. */
    static Proposals finalProposals(LatentEbm model, Task task, LebmParams p) {
        return finalProposals(model, task, p, 0);
    }

    /**
     * The final sampling with random stream {@code draw}: 0 is the trial's own; a repeat d > 0
     * takes the stream at position -d, which no learning-curve point (positions are iterations)
     * shares.
     */
    static Proposals finalProposals(LatentEbm model, Task task, LebmParams p, int draw) {
        return propose(model, task, p, p.samplerSteps(), model.stream(SAMPLER_SALT, -draw));
    }

    /**
     * Samples Q latent particles from l(z), decodes and scores them. The sampler and l(z)'s weights
     * come from {@code p}, which may differ from the model's own in those keys only (resampling).
     */
    static Proposals propose(LatentEbm model, Task task, LebmParams p, int steps, SplittableRandom rng) {
        double[][] start = p.samplerStart() == SamplerStart.TOP_DESIGNS
                ? model.topDesignParticles(p.candidates(), rng)
                : model.initialParticles(p.candidates(), rng);
        LatentObjective l = model.proposalObjective(p.yTarget(), p.lambda1(), p.lambda2());
        double[][] z = p.sampler() == LatentSamplerKind.SVGD
                ? new Svgd(steps, p.svgdStepSize()).run(l, start, t -> { })
                : Langevin.run(l, start, steps, StepSchedule.constant(p.langevinStepSize()), rng, t -> { });
        double[] terms = l.meanTerms(z);
        return new Proposals(model.decodeAndScore(task, z), model.predictedScores(z), terms[0], terms[1],
                terms[2]);
    }

    /** The step's losses as curve points at {@code it}, leaving out any that are not finite. */
    private static void recordFiniteLosses(TrialOutcome outcome, int it, LatentEbm.StepLosses losses) {
        double[] values = {losses.vaeLoss(), losses.reconNll(), losses.klQ0(), losses.priorLoss()};
        String[] names = {"vae_loss", "recon_nll", "kl_q0", "prior_loss"};
        for (int i = 0; i < names.length; i++) {
            if (Double.isFinite(values[i])) {
                outcome.curve(names[i], it, values[i]);
            }
        }
    }
}
