package ebmopt.models.baseline;

import ebmopt.experiment.Experiment;
import ebmopt.experiment.TrialContext;
import ebmopt.experiment.TrialOutcome;
import ebmopt.tasks.Encoding;
import ebmopt.tasks.ProposalScores;
import ebmopt.tasks.Task;
import ebmopt.tasks.TaskRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The uniform-random baseline as an experiment (job.experiment = random): Q designs drawn
 * uniformly from the task's design space with the trial's seed, scored by the oracle. Its
 * percentiles are what chance gives with the same query budget, the floor a model's
 * proposals must clear before they show that the model learned where the good designs are.
 *
 * <p>Token sequences: Q distinct sequences, every position uniform over the vocabulary (on
 * TF-Bind-8, whose dataset holds every 8-mer, this is a uniform draw of Q dataset designs
 * without replacement). Continuous tasks: uniform in the task's {@link Task#designBox() box}.
 *
 * <p>Metrics: {@code score_p100/p75/p50/p25} (normalised with the full dataset's range, as the
 * models' are). Candidates: the Q designs.
 */
public final class RandomDesignsExperiment implements Experiment<RandomDesignsParams> {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Class<RandomDesignsParams> paramsType() {
        return RandomDesignsParams.class;
    }

    @Override
    public String defaultsResource() {
        return "ebmopt/models/random/defaults.conf";
    }

    @Override
    public void checkInputs(RandomDesignsParams p, Path dataDir) {
        TaskRegistry.checkData(p.task(), dataDir);
    }

    @Override
    public TrialOutcome run(RandomDesignsParams p, TrialContext context) {
        Task task = TaskRegistry.load(p.task(), context.dataDir(), context.seed());
        TrialOutcome outcome = new TrialOutcome();
        task.dataChecksums().forEach(outcome::dataChecksum);
        SplittableRandom rng = new SplittableRandom(context.seed());
        ProposalScores scores = task.encoding() instanceof Encoding.Discrete discrete
                ? ProposalScores.ofTokens(task, distinctSequences(discrete, p.queryBudget(), rng))
                : ProposalScores.ofFeatures(task, pointsInBox(task, ((Encoding.Continuous) task.encoding()).dimension(),
                        p.queryBudget(), rng));
        scores.recordTo(outcome, "", true);
        return outcome;
    }

    /** {@code q} distinct sequences, every position uniform over the vocabulary. */
    static List<int[]> distinctSequences(Encoding.Discrete space, int q, SplittableRandom rng) {
        double size = Math.pow(space.vocabulary(), space.length());
        if (q > size) {
            throw new IllegalArgumentException("query-budget " + q + " exceeds the " + (long) size
                    + " distinct designs of the task");
        }
        Set<String> seen = new HashSet<>();
        List<int[]> designs = new ArrayList<>(q);
        while (designs.size() < q) {
            int[] tokens = new int[space.length()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = rng.nextInt(space.vocabulary());
            }
            if (seen.add(java.util.Arrays.toString(tokens))) {
                designs.add(tokens);
            }
        }
        return designs;
    }

    /** {@code q} points uniform in the task's box. */
    static List<double[]> pointsInBox(Task task, int dimension, int q, SplittableRandom rng) {
        double[][] box = task.designBox().orElseThrow(() -> new IllegalArgumentException("task " + task.name()
                + " has no bounded design space to draw uniform designs from"));
        List<double[]> designs = new ArrayList<>(q);
        for (int n = 0; n < q; n++) {
            double[] x = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                x[i] = box[0][i] + (box[1][i] - box[0][i]) * rng.nextDouble();
            }
            designs.add(x);
        }
        return designs;
    }
}
