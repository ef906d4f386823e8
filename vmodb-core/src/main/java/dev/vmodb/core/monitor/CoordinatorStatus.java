package dev.vmodb.core.monitor;

/**
 * Where the coordinator is, as of the moment it was asked.
 *
 * @param lastSealedBatch the last batch it sealed (0 before the first)
 * @param lastCommittedBatch the last batch it decided to commit
 * @param undecidedBatches sealed batches without a commit decision: the batches in flight
 * @param lastTid the last TID it gave out
 * @param stalled why it can no longer make progress, or {@code null} while it can
 */
public record CoordinatorStatus(long lastSealedBatch, long lastCommittedBatch, int undecidedBatches, long lastTid,
		String stalled) {
}
