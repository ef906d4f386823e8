package dev.vmodb.core.monitor;

/**
 * Where one VMS is, as of the moment it was asked.
 *
 * @param vms the VMS
 * @param plannedBatch the last sealed batch it has read and planned
 * @param committedBatch the last batch committed (visible) here
 * @param lastAppliedTid the last TID whose effects are visible here
 * @param checkpointedBatch the last batch written to its database
 * @param epoch the re-run epoch in force here
 * @param checkpointFailures consecutive failed checkpoints (0 when the last one succeeded)
 * @param lastCheckpointFailure the failure of the last checkpoint, or {@code null} when it succeeded
 * @param stalled why it can no longer make progress, or {@code null} while it can
 */
public record VmsStatus(String vms, long plannedBatch, long committedBatch, long lastAppliedTid,
		long checkpointedBatch, long epoch, int checkpointFailures, String lastCheckpointFailure, String stalled) {

	/**
	 * Committed batches not yet in its database.
	 * @return the count
	 */
	public long batchesBehindCheckpoint() {
		return Math.max(0, this.committedBatch - this.checkpointedBatch);
	}

}
