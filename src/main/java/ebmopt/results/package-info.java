/**
 * Result storage: the Parquet layout of a sweep, atomic per-trial commits written on
 * executors, the scan that tells a resumed sweep what is done, and readers that register
 * the tables as Spark SQL views. Knows nothing of models.
 */
package ebmopt.results;
