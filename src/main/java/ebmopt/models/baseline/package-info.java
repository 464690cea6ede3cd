/**
 * Model-free baselines that put the models' scores in context: Q designs drawn uniformly
 * from a task's design space and scored by its oracle.
 */
package ebmopt.models.baseline;
