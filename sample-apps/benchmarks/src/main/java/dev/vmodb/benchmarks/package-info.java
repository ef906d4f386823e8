/**
 * Benchmark programs that print their figures: the versioned store and the checkpoint flush to H2.
 */
package dev.vmodb.benchmarks;
