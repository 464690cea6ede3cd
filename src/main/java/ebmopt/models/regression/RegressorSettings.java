package ebmopt.models.regression;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import ebmopt.config.RecordBinder;

import java.io.Serializable;
import java.util.List;

import static ebmopt.config.InvalidParameterException.require;

/**
 * How a regressor f(x) is built and trained: a fully connected network with a linear scalar
 * output, fitted to mean squared error with Adam. Keys (kebab case) and defaults are in
 * {@code ebmopt/models/regression/defaults.conf}.
 *
 * @param hiddenLayers       the widths of the hidden layers, input side first (empty: a linear model)
 * @param activation         the hidden layers' activation
 * @param learningRate       Adam's step size
 * @param batchSize          examples per minibatch (per worker under {@code spark})
 * @param epochs             passes over the data
 * @param trainer            {@code local} or {@code spark} (data-parallel; the trial runs on the driver)
 * @param sparkWorkers       under {@code spark}: workers training in parallel, each on its share of
 *                           the data (0: Spark's default parallelism, the cluster's cores)
 * @param averagingFrequency under {@code spark}: minibatches each worker fits between two averagings
 *                           of the parameters (and of Adam's state)
 */
public record RegressorSettings(List<Integer> hiddenLayers, HiddenActivation activation, double learningRate,
                                int batchSize, int epochs, TrainerKind trainer, int sparkWorkers,
                                int averagingFrequency) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The classpath resource with the default of every key. */
    public static final String DEFAULTS = "ebmopt/models/regression/defaults.conf";

    public RegressorSettings {
        require(hiddenLayers != null, "hidden-layers", "must be a list of widths");
        for (Integer width : hiddenLayers) {
            require(width != null && width >= 1, "hidden-layers", "every width must be >= 1, got %s", hiddenLayers);
        }
        require(activation != null, "activation", "must be set");
        require(learningRate > 0 && Double.isFinite(learningRate), "learning-rate", "must be a finite number > 0");
        require(batchSize >= 1, "batch-size", "must be >= 1");
        require(epochs >= 1, "epochs", "must be >= 1");
        require(trainer != null, "trainer", "must be local or spark");
        require(sparkWorkers >= 0, "spark-workers", "must be >= 0 (0: Spark's default parallelism)");
        require(averagingFrequency >= 1, "averaging-frequency", "must be >= 1");
        hiddenLayers = List.copyOf(hiddenLayers);
    }

    /**
     * Binds {@code block} (found at {@code path} in the configuration, named in messages)
     * over the defaults: unknown keys, wrong types and out-of-range values fail naming the key.
     */
    public static RegressorSettings bind(Config block, String path) {
        Config defaults = ConfigFactory.parseResources(RegressorSettings.class.getClassLoader(), DEFAULTS);
        return RecordBinder.bind(block.withFallback(defaults).resolve(), path, RegressorSettings.class);
    }

    /** The defaults of {@link #DEFAULTS}. */
    public static RegressorSettings defaults() {
        return bind(ConfigFactory.empty(), "regressor");
    }

    /** These settings with another hidden activation. */
    public RegressorSettings withActivation(HiddenActivation other) {
        return new RegressorSettings(hiddenLayers, other, learningRate, batchSize, epochs, trainer, sparkWorkers,
                averagingFrequency);
    }

    /** These settings with another trainer. */
    public RegressorSettings withTrainer(TrainerKind kind) {
        return new RegressorSettings(hiddenLayers, activation, learningRate, batchSize, epochs, kind, sparkWorkers,
                averagingFrequency);
    }
}
