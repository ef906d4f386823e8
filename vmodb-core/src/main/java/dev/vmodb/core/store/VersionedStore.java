package dev.vmodb.core.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.tx.TransactionContext;

/**
 * The in-memory multi-version state of one VMS: its tables and the newest committed batch.
 *
 * <p>Handlers read and write at their TID; everything else reads a {@link Snapshot} at the newest committed
 * batch. Committing a batch makes it visible to snapshots and prunes versions no reader needs any more.
 */
public final class VersionedStore {

	private final String vms;

	private final Map<String, VersionedTable> tables = new LinkedHashMap<>();

	private final SnapshotRegistry snapshots = new SnapshotRegistry();

	private volatile CommitMark committed = CommitMark.INITIAL;

	private volatile StoreObserver observer;

	/** Batches up to here are pruned, so their dirty keys may be released by a checkpoint. */
	private volatile long prunedBatch;

	public VersionedStore(String vms, Collection<TableSchema> schemas) {
		this.vms = vms;
		for (TableSchema schema : schemas) {
			if (this.tables.put(schema.name().toLowerCase(java.util.Locale.ROOT), new VersionedTable(schema)) != null) {
				throw new IllegalArgumentException("VMS '" + vms + "' declares table " + schema.name() + " twice");
			}
		}
	}

	public String vms() {
		return this.vms;
	}

	/**
	 * A table by name (case-insensitive).
	 * @param name the table name
	 * @return the table
	 * @throws IllegalArgumentException if this VMS has no such table
	 */
	public VersionedTable table(String name) {
		VersionedTable table = this.tables.get(name.toLowerCase(java.util.Locale.ROOT));
		if (table == null) {
			throw new IllegalArgumentException("VMS '" + this.vms + "' has no table " + name + "; it has " + this.tables.keySet());
		}
		return table;
	}

	public Collection<VersionedTable> tables() {
		return this.tables.values();
	}

	/**
	 * Reports what transactions read and write here to an observer, to record a history (see
	 * {@code dev.vmodb.core.history.HistoryRecorder}). Reads are reported only inside handlers; snapshot reads
	 * belong to no transaction. Set it before transactions run: one in flight may be reported partly.
	 * @param observer the observer, or {@code null} to stop reporting
	 */
	public void observe(StoreObserver observer) {
		this.observer = observer;
		for (VersionedTable table : this.tables.values()) {
			table.observe(this.vms, observer);
		}
	}

	public CommitMark committed() {
		return this.committed;
	}

	/**
	 * The TID an enclosing {@link ReadScope} reads this store at.
	 * @return the TID, or {@code -1} when no scope is open on this thread
	 */
	public long scopedSnapshotTid() {
		return ReadScope.snapshotTid(this);
	}

	/**
	 * Opens a snapshot at the newest committed batch; close it when done reading.
	 * @return the snapshot
	 */
	public Snapshot openSnapshot() {
		return new Snapshot(this.snapshots, this.snapshots.open(() -> this.committed));
	}

	/** Number of snapshots currently open. */
	public int openSnapshots() {
		return this.snapshots.openCount();
	}

	/**
	 * Sets the committed state after loading a checkpoint, before any transaction runs.
	 * @param mark the checkpoint's batch and TID
	 */
	public void restore(CommitMark mark) {
		this.committed = mark;
		this.prunedBatch = mark.batch();
	}

	/**
	 * Makes a batch visible to snapshots and prunes versions no reader needs. Batches commit in order; a batch
	 * that did not touch this VMS may be skipped.
	 * @param batch the batch id
	 * @param lastTid the last TID of the batch
	 */
	public void commit(long batch, long lastTid) {
		commit(batch, lastTid, tid -> false);
	}

	/**
	 * Commits a batch some of whose transactions aborted: their versions go first, so no reader of the committed
	 * state ever sees them.
	 * @param batch the batch id
	 * @param lastTid the last TID of the batch
	 * @param aborted which TIDs of the batch aborted
	 */
	public void commit(long batch, long lastTid, LongPredicate aborted) {
		CommitMark previous = this.committed;
		if (batch <= previous.batch() || lastTid < previous.tid()) {
			throw new IllegalStateException("VMS '" + this.vms + "': batch " + batch + " (last TID " + lastTid
					+ ") committed after batch " + previous.batch() + " (last TID " + previous.tid() + ")");
		}
		for (VersionedTable table : this.tables.values()) {
			table.discardWhere(batch, batch, aborted);
		}
		this.committed = new CommitMark(batch, lastTid);
		long horizon = this.snapshots.horizon(lastTid);
		for (VersionedTable table : this.tables.values()) {
			table.prune(previous.batch(), batch, horizon, horizon >= lastTid);
		}
		this.prunedBatch = batch;
	}

	/**
	 * Removes every version a transaction wrote in this store, as if it never ran here.
	 * @param tx the transaction
	 */
	public void discard(TransactionContext tx) {
		for (TransactionContext.WrittenKey written : tx.writes()) {
			table(written.table()).discard(tx.tid(), written.key());
		}
	}

	/**
	 * Removes the versions of uncommitted transactions from a batch on, as if they never ran here: those from a
	 * TID on (a re-run executes them again) and aborted ones before it. Call only while no handler runs.
	 * @param fromBatch the first uncommitted batch that may hold such versions
	 * @param writers which writers' versions to remove
	 */
	public void rollBack(long fromBatch, LongPredicate writers) {
		if (fromBatch <= this.committed.batch()) {
			throw new IllegalStateException("VMS '" + this.vms + "': cannot roll back batch " + fromBatch
					+ ", batch " + this.committed.batch() + " is committed");
		}
		for (VersionedTable table : this.tables.values()) {
			table.discardWhere(fromBatch, Long.MAX_VALUE, writers);
		}
		StoreObserver observer = this.observer;
		if (observer != null) {
			observer.rolledBack(this.vms, writers);
		}
	}

	/**
	 * The net changes of the batches after {@code from} up to {@code to}, per table.
	 * @param from the last checkpointed state
	 * @param to the committed state to checkpoint; its versions must be protected by an open snapshot
	 * @return the changes of every table that changed
	 */
	public List<TableChanges> changes(CommitMark from, CommitMark to) {
		List<TableChanges> changes = new ArrayList<>();
		for (VersionedTable table : this.tables.values()) {
			TableChanges tableChanges = table.changes(from.batch(), to.batch(), from.tid(), to.tid());
			if (!tableChanges.isEmpty()) {
				changes.add(tableChanges);
			}
		}
		return changes;
	}

	/**
	 * Forgets which keys batches up to the given one wrote, once they are checkpointed.
	 * @param upToBatch the checkpointed batch
	 */
	public void releaseCheckpointed(long upToBatch) {
		long releasable = Math.min(upToBatch, this.prunedBatch);
		for (VersionedTable table : this.tables.values()) {
			table.releaseDirty(releasable);
		}
	}

}
