package dev.vmodb.core.scheduler;

/**
 * A transaction's work at one VMS, with its place in the VMS's execution order.
 *
 * <p>Positions order the VMS's work: TID order, and within a transaction that runs several handlers at the VMS,
 * plan order. A task names the position of the task just before it at this VMS.
 *
 * @param position its place in the VMS's order
 * @param previous the position of the task just before it at this VMS
 * @param mode how it may overlap with its neighbours
 * @param partitionKey the partition it touches, for {@link ExecutionMode#PARTITIONED}; otherwise ignored
 * @param body the work; it should not throw (a throwable is logged and swallowed so the VMS keeps going)
 */
public record ScheduledTask(long position, long previous, ExecutionMode mode, Object partitionKey, Runnable body) {

	public ScheduledTask {
		if (previous >= position) {
			throw new IllegalArgumentException("Task " + position + " cannot follow " + previous);
		}
		if (mode == ExecutionMode.PARTITIONED && partitionKey == null) {
			throw new IllegalArgumentException("Partitioned task " + position + " has no partition key");
		}
	}

}
