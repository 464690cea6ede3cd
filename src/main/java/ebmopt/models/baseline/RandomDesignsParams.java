package ebmopt.models.baseline;

import static ebmopt.config.InvalidParameterException.require;

/**
 * Parameters of the uniform-random baseline; defaults in {@code ebmopt/models/random/defaults.conf}.
 *
 * @param task        the task (tf-bind-8, tf-bind-10: token sequences; branin, branin-50: its box)
 * @param queryBudget Q, the designs drawn (distinct, for token sequences)
 */
public record RandomDesignsParams(String task, int queryBudget) {
    public RandomDesignsParams {
        require(task != null && !task.isBlank(), "task", "must name a task");
        require(queryBudget >= 1, "query-budget", "must be >= 1");
    }
}
