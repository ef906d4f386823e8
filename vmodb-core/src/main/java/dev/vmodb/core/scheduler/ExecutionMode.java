package dev.vmodb.core.scheduler;

/**
 * How a task may overlap with its neighbours in TID order.
 */
public enum ExecutionMode {

	/** Runs alone: after every earlier task finished and before any later one starts. */
	SERIAL,

	/** Runs concurrently with neighbouring partitioned tasks of other partitions; same-partition tasks keep TID order. */
	PARTITIONED,

	/** Runs concurrently with neighbouring parallel tasks. */
	PARALLEL

}
