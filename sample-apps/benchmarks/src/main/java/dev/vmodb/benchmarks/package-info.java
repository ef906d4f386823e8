/**
 * Benchmark programs that print their figures: the versioned store, the checkpoint flush to H2
 * and the raw capacity of a Kafka broker.
 */
package dev.vmodb.benchmarks;
