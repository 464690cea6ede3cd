/**
 * Sweeps: parsing the {@code sweep} block, expanding it into trials (a pure function), and
 * the identities and seeds of trials. Knows nothing of Spark or of what a trial computes.
 */
package ebmopt.sweep;
