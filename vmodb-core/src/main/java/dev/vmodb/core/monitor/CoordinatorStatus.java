package dev.vmodb.core.monitor;

/**
 * Where the coordinator is, as of the moment it was asked.
 *
 * @param lastSealedBatch the last batch it sealed (0 before the first)
 * @param lastCommittedBatch the last batch it decided to commit
 * @param lastTid the last TID it gave out
 * @param stalled why it can no longer make progress, or {@code null} while it can
 */
public record CoordinatorStatus(long lastSealedBatch, long lastCommittedBatch, long lastTid, String stalled) {

	/**
	 * Sealed batches without a commit decision: the batches in flight (batches are decided in order).
	 * @return the count
	 */
	public long undecidedBatches() {
		return Math.max(0, this.lastSealedBatch - this.lastCommittedBatch);
	}

}
