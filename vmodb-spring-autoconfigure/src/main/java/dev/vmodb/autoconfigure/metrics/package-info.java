/**
 * Micrometer meters of the vMODB roles: what the engine tells its listener (outcomes, batch commits, re-runs,
 * aborts, checkpoints) as timers and counters, what its roles answer when asked (lag, checkpoint backlog,
 * submissions waiting, replay) as gauges, and the log's Resilience4j breaker and retry.
 */
package dev.vmodb.autoconfigure.metrics;
