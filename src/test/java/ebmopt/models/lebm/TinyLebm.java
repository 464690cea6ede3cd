package ebmopt.models.lebm;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.LoadRequest;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.ExperimentRegistry;
import ebmopt.run.SweepPlan;
import ebmopt.sweep.TrialSpec;
import ebmopt.tasks.Task;
import ebmopt.testing.TestSweeps;
import java.nio.file.Path;
import java.util.List;

/** A latent EBM small enough to train in seconds, for tests of what is done with a trained one. */
final class TinyLebm {
    static final long SEED = 7;
    static final Path DATA = Path.of("../shared/data");
    static final LebmParams PARAMS = RecordBinder.bind(ConfigFactory.parseString("""
            iterations = 12, batch-size = 16, ratio-blocks = 1, ratio-hidden = 16, noise-magnitude = 4,
            sampler-steps = 6, candidates = 16, eval-every = 0, loss-curve-every = 4
            """).withFallback(ExperimentRegistry.defaults("lebm")), "params", LebmParams.class);

    private TinyLebm() {
    }

    /** A model of {@code task}'s visible data with parameters {@code p}, trained for its iterations. */
    static LatentEbm trained(LebmParams p, Task task) {
        LatentEbm model = new LatentEbm(p, task.visible(), task.encoding(), SEED);
        for (int it = 1; it <= p.iterations(); it++) {
            model.step(it);
        }
        return model;
    }

    /**
     * The trial ids of jobs/lebm-table7.conf's ci scale with {@code overrides}; without any, the
     * ids computed before sampler-start, y-target and encoder-input existed are 650117676cfa5018
     * and 6881a74ccc01919e (a parameter added at its default must not change them).
     */
    static List<String> table7CiIds(List<String> overrides) {
        return SweepPlan.load(new LoadRequest(TestSweeps.PROFILE, Path.of("jobs/lebm-table7.conf"), "ci", overrides))
                .trials().stream().map(TrialSpec::trialId).toList();
    }
}
