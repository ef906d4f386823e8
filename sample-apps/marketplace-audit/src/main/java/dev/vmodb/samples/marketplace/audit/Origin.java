package dev.vmodb.samples.marketplace.audit;

/**
 * Where an order of the final state comes from, as far as the journal tells.
 */
enum Origin {

	/** It was there before the run. */
	BEFORE,

	/** A committed checkout of the journal answered with it. */
	COMMITTED,

	/** Not claimed by a committed checkout, but its customer has a checkout of unknown outcome that may have run. */
	UNKNOWN,

	/** Not accounted for, and its customer has aborted checkouts: the trace of one of them. */
	ABORTED,

	/** Not accounted for by any checkout of the journal. */
	UNACCOUNTED;

	/** Whether the order may exist: it precedes the run or a checkout that committed or may have committed made it. */
	boolean explained() {
		return this == BEFORE || this == COMMITTED || this == UNKNOWN;
	}

}
