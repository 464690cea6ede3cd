package ebmopt.models.lebm;

import ebmopt.experiment.Experiment;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialDivergedException;
import ebmopt.experiment.TrialOutcome;
import ebmopt.sampling.Langevin;
import ebmopt.sampling.StepSchedule;
import ebmopt.sampling.Svgd;
import ebmopt.tasks.Encoding;
import ebmopt.tasks.Percentile;
import ebmopt.tasks.ProposalScores;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * N2CE latent EBMs for offline optimisation (job.experiment = lebm; METHODS.md section 4):
 * train the VAE and its energy-based prior, then propose Q designs by sampling
 * p(z | y = y_max) and decoding them.
 *
 * <p>Metrics: {@code score_p100/p75/p50/p25}, the normalised percentiles of the Q proposals;
 * {@code train_seconds}, {@code seconds_per_iteration}, {@code sample_seconds}; the final
 * losses. Curves: {@code score_p100} and {@code score_p50} every {@code eval-every} iterations
 * (scored with {@code eval-sampler-steps} sampler steps), {@code vae_loss}, {@code recon_nll},
 * {@code kl_q0} and {@code prior_loss} every {@code loss-curve-every}. Candidates: the Q
 * designs and their oracle scores.
 */
public final class LebmExperiment implements Experiment<LebmParams> {

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
        if (!(task.encoding() instanceof Encoding.Discrete discrete)) {
            throw new IllegalArgumentException("task '" + p.task() + "' is not discrete; lebm supports token tasks");
        }
        TrialOutcome outcome = new TrialOutcome().backend("nd4j " + Nd4j.getBackend().getClass().getSimpleName());
        task.dataChecksums().forEach(outcome::dataChecksum);
        LatentEbm model = new LatentEbm(p, task.visible(), discrete.vocabulary(), context.seed());
        SplittableRandom samplerRng = new SplittableRandom(context.seed() ^ 0x5DEECE66DL);

        long start = System.nanoTime();
        long sampling = 0;
        LatentEbm.StepLosses last = null;
        for (int it = 1; it <= p.iterations(); it++) {
            last = model.step();
            if (!last.finite()) {
                throw new TrialDivergedException("loss not finite at iteration " + it + ": " + last);
            }
            if (it % p.lossCurveEvery() == 0 || it == p.iterations()) {
                outcome.curve("vae_loss", it, last.vaeLoss()).curve("recon_nll", it, last.reconNll())
                        .curve("kl_q0", it, last.klQ0()).curve("prior_loss", it, last.priorLoss());
            }
            if (p.evalEvery() > 0 && it % p.evalEvery() == 0 && it < p.iterations()) {
                long t0 = System.nanoTime();
                propose(model, task, p, p.evalSamplerSteps(), samplerRng.split()).scores().recordCurve(outcome, it);
                sampling += System.nanoTime() - t0;
            }
            context.progress(it, p.iterations());
        }
        double trainSeconds = (System.nanoTime() - start - sampling) / 1e9;
        long t0 = System.nanoTime();
        Proposals proposals = propose(model, task, p, p.samplerSteps(), samplerRng.split());
        double sampleSeconds = (System.nanoTime() - t0) / 1e9;
        ProposalScores scores = proposals.scores();
        scores.recordTo(outcome, "", true);
        recordPredicted(outcome, task, proposals.predicted());
        scores.recordCurve(outcome, p.iterations());
        outcome.metric("train_seconds", trainSeconds)
                .metric("seconds_per_iteration", p.iterations() > 0 ? trainSeconds / p.iterations() : 0)
                .metric("sample_seconds", sampleSeconds);
        if (last != null) {
            outcome.metric("final_recon_nll", last.reconNll()).metric("final_prior_loss", last.priorLoss());
        }
        return outcome;
    }

    /** Q proposals: the oracle's scores of the decoded designs, and the model's own prediction g_y(z) (raw units). */
    record Proposals(ProposalScores scores, double[] predicted) {
    }

    /**
     * The model's belief beside the oracle's verdict: {@code predicted_p50} and
     * {@code predicted_p100}, the median and best of g_y over the Q particles, normalised as the
     * oracle's scores are. Far above score_p50, the sampler found designs the model overrates.
     */
    private static void recordPredicted(TrialOutcome outcome, Task task, double[] predicted) {
        double[] normalised = Arrays.stream(predicted).map(task.scoreNormalisation()::normalise).sorted().toArray();
        outcome.metric("predicted_p50", Percentile.of(normalised, 50))
                .metric("predicted_p100", normalised[normalised.length - 1]);
    }

    /** Samples Q latent particles from l(z), decodes and scores them. */
    static Proposals propose(LatentEbm model, Task task, LebmParams p, int steps, SplittableRandom rng) {
        double[][] start = model.initialParticles(p.candidates(), rng);
        LatentObjective l = model.proposalObjective();
        double[][] z = p.sampler() == LatentSamplerKind.SVGD
                ? new Svgd(steps, p.svgdStepSize()).run(l, start, t -> { })
                : Langevin.run(l, start, steps, StepSchedule.constant(p.langevinStepSize()), rng, t -> { });
        return new Proposals(ProposalScores.ofTokens(task, Arrays.asList(model.decode(z))), model.predictedScores(z));
    }
}
