/**
 * Speed benchmarks (main classes, not tests) that inform model design: how long the
 * paper-scale steps take in SameDiff on this machine, beside a BLAS rate measured in the
 * same run. Nothing here is used by sweeps.
 */
package ebmopt.bench;
