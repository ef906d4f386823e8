package dev.vmodb.core.scheduler;

/**
 * A transaction's work at one VMS, with its place in the VMS's TID order.
 *
 * @param tid the transaction id
 * @param previousTid the TID of the transaction that touches this VMS just before it (0 for the first)
 * @param mode how it may overlap with its neighbours
 * @param partitionKey the partition it touches, for {@link ExecutionMode#PARTITIONED}; otherwise ignored
 * @param body the work; it should not throw (a throwable is logged and swallowed so the VMS keeps going)
 */
public record ScheduledTask(long tid, long previousTid, ExecutionMode mode, Object partitionKey, Runnable body) {

	public ScheduledTask {
		if (previousTid >= tid) {
			throw new IllegalArgumentException("Task " + tid + " cannot follow " + previousTid);
		}
		if (mode == ExecutionMode.PARTITIONED && partitionKey == null) {
			throw new IllegalArgumentException("Partitioned task " + tid + " has no partition key");
		}
	}

}
