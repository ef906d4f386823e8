package dev.vmodb.core.monitor;

/**
 * What a transaction client has seen of the log and what it waits for, as of the moment it was asked. Every
 * application has a client, so these figures exist in every process, coordinator or not.
 *
 * @param lastSealedBatch the last batch whose sealing it has read
 * @param lastCommittedBatch the last batch whose commit decision it has read
 * @param pending its submissions without an outcome yet
 * @param waitingForLog its submissions the log has not acknowledged yet
 * @param topologyKnown whether it has read the coordinator's topology (it cannot submit before)
 */
public record ClientStatus(long lastSealedBatch, long lastCommittedBatch, int pending, int waitingForLog,
		boolean topologyKnown) {
}
