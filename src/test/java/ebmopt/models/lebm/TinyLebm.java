package ebmopt.models.lebm;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;
import ebmopt.experiment.ExperimentRegistry;
import java.nio.file.Path;

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
}
