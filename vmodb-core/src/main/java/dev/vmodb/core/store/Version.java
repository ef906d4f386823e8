package dev.vmodb.core.store;

/**
 * One version of a row: the row as written by transaction {@code tid}, or a deletion when {@code row} is null.
 */
final class Version {

	final long tid;

	/** The column values; {@code null} marks a deletion. Never modified after publication. */
	final Object[] row;

	/** The next older version; volatile so lock-free readers see links the single writer publishes. */
	volatile Version older;

	Version(long tid, Object[] row, Version older) {
		this.tid = tid;
		this.row = row;
		this.older = older;
	}

}
