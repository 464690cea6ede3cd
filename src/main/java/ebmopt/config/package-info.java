/**
 * Layered HOCON configuration (shipped defaults, conf/ profile, job file, scale, command
 * line) and strict binding into immutable, validated settings records. Knows nothing of
 * Spark or models.
 */
package ebmopt.config;
