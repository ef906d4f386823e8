package dev.vmodb.core.store;

/**
 * A committed state of a store held open for reading: versions it can see are kept until it is closed.
 */
public final class Snapshot implements AutoCloseable {

	private final SnapshotRegistry registry;

	private final CommitMark mark;

	private boolean closed;

	Snapshot(SnapshotRegistry registry, CommitMark mark) {
		this.registry = registry;
		this.mark = mark;
	}

	/**
	 * The TID to read at: the last TID of the snapshot's batch.
	 * @return the TID
	 */
	public long tid() {
		return this.mark.tid();
	}

	public CommitMark mark() {
		return this.mark;
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.registry.close(this.mark.tid());
		}
	}

}
