package ebmopt.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sampling a trained trial again with other sampler settings, without retraining: what
 * {@code submit/resample} asks of an experiment that offers it ({@link Experiment#resampling}).
 * The trial's saved state (a checkpoint or a kept final state) goes back into a model built
 * from its parameters, and each combination of the varied settings proposes again.
 *
 * @param <P> the experiment's parameters
 */
public interface Resampling<P extends Record> {

    /**
     * The labels of the settings {@code vary} (key to values, in order) makes of the trained
     * parameters, one per combination; just the trial's own setting when {@code vary} is empty.
     *
     * @throws ebmopt.config.InvalidParameterException naming a key a resample cannot vary
     *                                                 (it defines the trained model) or a bad value
     */
    List<String> variants(P trained, Map<String, List<String>> vary);

    /** The figures each result carries, in order. */
    List<Column> columns();

    /**
     * Restores {@code state} into the model of {@code trained} and {@code seed} and proposes
     * with each of {@link #variants}, handing each result to {@code onEach} as it comes (one
     * may take minutes).
     *
     * @throws IllegalArgumentException when the state is not this model's (another trial's, damaged)
     */
    List<Result> resample(P trained, long seed, byte[] state, Path dataDir, Map<String, List<String>> vary,
                          Consumer<Result> onEach);

    /** One sentence on what the figures mean, for the command's output. */
    String legend();

    /**
     * A figure of the results.
     *
     * @param name     its column name (snake_case, as in the trials table)
     * @param decimals how many decimals a table shows (0: an integer)
     */
    record Column(String name, int decimals) {
    }

    /**
     * What one setting gave.
     *
     * @param variant           the setting's label ({@link #variants})
     * @param trainedIterations how long the restored state had trained
     * @param values            one value per {@link #columns() column}
     */
    record Result(String variant, int trainedIterations, double[] values) {
    }
}
