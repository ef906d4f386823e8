/**
 * What the engine tells the outside about itself while it runs: an {@link dev.vmodb.core.monitor.EngineListener}
 * for the moments worth timing or counting (a transaction's outcome, a batch's commit, a checkpoint), and status
 * records that every role answers without waiting for the log. Metrics, health and the management endpoint are
 * built on these; the engine knows nothing of how they are shown.
 */
package dev.vmodb.core.monitor;
