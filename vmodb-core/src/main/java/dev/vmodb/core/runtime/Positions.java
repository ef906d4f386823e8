package dev.vmodb.core.runtime;

import dev.vmodb.core.topology.Topology;

/**
 * A VMS's execution order: a transaction's handlers at one VMS run in plan order, transactions in TID order. A
 * position packs both into one long, {@code tid * 16 + step}, which the scheduler orders by.
 */
final class Positions {

	private static final int STEP_BITS = Integer.numberOfTrailingZeros(Topology.MAX_STEPS_PER_VMS);

	private Positions() {
	}

	static long of(long tid, int step) {
		return (tid << STEP_BITS) | step;
	}

	static long tidOf(long position) {
		return position >>> STEP_BITS;
	}

	/** The position after every step of a transaction: where a VMS restored at that TID resumes. */
	static long after(long tid) {
		return of(tid, Topology.MAX_STEPS_PER_VMS - 1);
	}

}
