package ebmopt.testing;

import ebmopt.experiment.TrialContext;

import java.nio.file.Path;

/**
 * A trial's surroundings in a unit test: the given seed, replicate 0, the shared test data
 * ({@code ../shared/data}), progress ignored, no checkpoints.
 *
 * @param seed the trial's seed
 */
public record PlainTrialContext(long seed) implements TrialContext {
    @Override
    public String trialId() {
        return "test";
    }

    @Override
    public int replicate() {
        return 0;
    }

    @Override
    public Path dataDir() {
        return Path.of("../shared/data");
    }

    @Override
    public void progress(long step, long totalSteps) {
    }
}
