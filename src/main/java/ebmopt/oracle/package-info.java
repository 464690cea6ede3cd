/**
 * Oracles that are re-trained rather than exact (Design-Bench's Superconductor random forest):
 * trained on the driver with Spark MLlib, converted into a plain-Java
 * {@link ebmopt.tasks.RegressionForest} and cached beside the data, where every trial's task
 * (on executors, without a SparkContext) loads it. Depends on {@code tasks}; nothing in
 * {@code tasks} depends on it.
 */
package ebmopt.oracle;
