package dev.vmodb.core.protocol;

/**
 * A record of the control log, written by the coordinator only, so its order is the order of its decisions.
 */
public sealed interface ControlRecord permits TopologyAnnounced, BatchSealed, BatchRerun, BatchCommitted {
}
