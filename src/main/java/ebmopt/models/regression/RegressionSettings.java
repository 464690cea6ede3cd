package ebmopt.models.regression;

import java.util.List;

import static ebmopt.config.InvalidParameterException.require;

/**
 * How a plain mean-squared-error regressor is trained: the network's hidden widths and Adam's
 * minibatch schedule (design-baselines' forward model: [2048, 2048], lr 3e-4, batch 128, 50 epochs).
 *
 * @param hidden       hidden layer widths (ReLU)
 * @param learningRate Adam's learning rate
 * @param batchSize    rows per minibatch
 * @param epochs       passes over the data
 */
public record RegressionSettings(List<Integer> hidden, double learningRate, int batchSize, int epochs) {
    public RegressionSettings {
        require(!hidden.isEmpty() && hidden.stream().allMatch(h -> h >= 1), "hidden", "must list widths >= 1");
        require(learningRate > 0, "learning-rate", "must be > 0");
        require(batchSize >= 1, "batch-size", "must be >= 1");
        require(epochs >= 1, "epochs", "must be >= 1");
        hidden = List.copyOf(hidden);
    }
}
