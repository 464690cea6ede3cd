/**
 * Speed benchmarks (main classes, not tests) that inform model design: how long the
 * paper-scale steps take in SameDiff and in the product's own code on this machine, beside a
 * BLAS rate measured in the same run. Not part of the product: the sources are
 * {@code src/bench/java}, compiled with the tests into target/test-classes and run by
 * {@code submit/bench-n2ce}; nothing in {@code src/main} uses them.
 */
package ebmopt.bench;
