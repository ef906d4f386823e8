package dev.vmodb.core.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.IntegrityViolationException;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.tx.TransactionContext;

/**
 * The multi-version rows of one VMS table, with their secondary indexes.
 *
 * <p>Every write creates a version at the writer's TID; a read at TID {@code t} sees the newest version at or
 * before {@code t}. Rows handed out are shared and must not be modified. Writes to one key are serialised by
 * the key's slot in the row map; the scheduler guarantees that transactions touching the same key write in TID
 * order.
 *
 * <p>When a {@link StoreObserver} is set (through {@link VersionedStore#observe}), every read a transaction makes
 * is reported with the version it saw, including the reads hidden in writes and scans, and every write with its
 * TID. Unobserved, each path pays one null check.
 */
public final class VersionedTable {

	private final TableSchema schema;

	private final ConcurrentHashMap<Object, VersionChain> rows = new ConcurrentHashMap<>();

	private final SecondaryIndex[] indexes;

	/** Keys written per batch: what a checkpoint must look at, and what pruning must revisit. */
	private final ConcurrentHashMap<Long, Set<Object>> dirtyByBatch = new ConcurrentHashMap<>();

	/** Keys whose pruning an open snapshot held back. */
	private final Set<Object> prunePending = ConcurrentHashMap.newKeySet();

	/** Where reads and writes are reported; {@code null} (the default) when nobody records a history. */
	private volatile TableObserver observer;

	public VersionedTable(TableSchema schema) {
		this.schema = schema;
		this.indexes = schema.indexes().stream().map(SecondaryIndex::new).toArray(SecondaryIndex[]::new);
	}

	public TableSchema schema() {
		return this.schema;
	}

	/**
	 * Reports reads and writes to an observer from now on.
	 * @param vms the VMS owning this table, for the reports
	 * @param observer the observer, or {@code null} to stop reporting
	 */
	void observe(String vms, StoreObserver observer) {
		this.observer = (observer != null) ? new TableObserver(observer, vms, this.schema.name()) : null;
	}

	/**
	 * Reads a row as a transaction at the given TID sees it. Inside a handler, an observer is told that the
	 * handler's transaction read the version found.
	 * @param key the primary key
	 * @param tid the reader's TID
	 * @return the row, or {@code null} if absent at that TID
	 */
	public Object[] read(Object key, long tid) {
		Version version = versionAt(key, tid);
		TransactionContext reader = TransactionContext.current();
		if (reader != null && version != null) {
			reader.saw(version.tid);
		}
		TableObserver observer = this.observer;
		if (observer != null) {
			observer.handlerRead(key, version);
		}
		return (version != null) ? version.row : null;
	}

	/**
	 * Writes a row, replacing any existing one with the same key.
	 * @param tx the writing transaction
	 * @param row the row; the table keeps it, so the caller must not modify it afterwards
	 */
	public void upsert(TransactionContext tx, Object[] row) {
		write(tx, row, WriteMode.UPSERT);
	}

	/**
	 * Writes a new row.
	 * @param tx the writing transaction
	 * @param row the row; the table keeps it
	 * @throws IntegrityViolationException if a row with the same key exists at the transaction's TID
	 */
	public void insert(TransactionContext tx, Object[] row) {
		write(tx, row, WriteMode.INSERT);
	}

	/**
	 * Replaces an existing row.
	 * @param tx the writing transaction
	 * @param row the row; the table keeps it
	 * @throws IntegrityViolationException if no row with that key exists at the transaction's TID
	 */
	public void update(TransactionContext tx, Object[] row) {
		write(tx, row, WriteMode.UPDATE);
	}

	/**
	 * Deletes a row.
	 * @param tx the writing transaction
	 * @param key the primary key
	 * @return whether a row existed at the transaction's TID
	 */
	public boolean delete(TransactionContext tx, Object key) {
		requireWritable(tx);
		Version seen = versionAt(key, tx.tid());
		if (seen != null) {
			tx.saw(seen.tid);
		}
		TableObserver observer = this.observer;
		if (observer != null) {
			// the outcome (deleted or not, reported to the caller) depends on the version seen: a read
			observer.read(key, tx.tid(), seen);
		}
		if (seen == null || seen.row == null) {
			return false;
		}
		this.rows.compute(key, (k, chain) -> {
			chain.add(tx.tid(), null);
			return chain;
		});
		markWritten(tx, key);
		if (observer != null) {
			observer.deleted(key, tx.tid());
		}
		return true;
	}

	/**
	 * Calls the consumer with every row visible at a TID. Inside a handler, the handler's transaction is taken to
	 * have read every key the scan examined, visible or not (and an observer is told so): a scan's result depends
	 * on the absence of rows as much as on their presence.
	 * @param tid the reader's TID
	 * @param action receives each row
	 */
	public void forEachVisible(long tid, Consumer<Object[]> action) {
		TableObserver observer = this.observer;
		TransactionContext reader = TransactionContext.current();
		if (reader == null) {
			for (VersionChain chain : this.rows.values()) {
				Version version = chain.at(tid);
				if (version != null && version.row != null) {
					action.accept(version.row);
				}
			}
			return;
		}
		for (Map.Entry<Object, VersionChain> entry : this.rows.entrySet()) {
			Version version = entry.getValue().at(tid);
			if (version != null) {
				reader.saw(version.tid);
			}
			if (observer != null) {
				observer.read(entry.getKey(), reader.tid(), version);
			}
			if (version != null && version.row != null) {
				action.accept(version.row);
			}
		}
	}

	/**
	 * Calls the consumer with every row visible at a TID whose indexed values equal the given ones.
	 * @param index the position of the index in {@link TableSchema#indexes()}
	 * @param indexKey the indexed values: one value, or a composite key in index-column order
	 * @param tid the reader's TID
	 * @param action receives each matching row
	 */
	public void forEachIndexed(int index, Object indexKey, long tid, Consumer<Object[]> action) {
		IndexSchema schema = this.indexes[index].schema();
		for (Object key : this.indexes[index].candidates(indexKey)) {
			// read() reports each candidate, matching or not: a candidate that no longer matches is part of the result
			Object[] row = read(key, tid);
			if (row != null && Objects.equals(indexKey, schema.keyOf(row))) {
				action.accept(row);
			}
		}
	}

	/** Number of keys with at least one version (a rough size; includes deleted keys not yet pruned). */
	public int keyCount() {
		return this.rows.size();
	}

	/**
	 * Loads a row from a checkpoint as if written by the given TID, bypassing checks and dirty tracking.
	 * @param row the checkpointed row
	 * @param tid the checkpoint's TID
	 */
	public void load(Object[] row, long tid) {
		Object key = this.schema.keyOf(row);
		this.rows.compute(key, (k, chain) -> {
			chain = (chain != null) ? chain : new VersionChain();
			chain.add(tid, row);
			indexRow(key, row);
			return chain;
		});
	}

	/**
	 * Removes the versions a transaction wrote, as if it never ran here.
	 * @param tid the transaction's TID
	 * @param key a key it wrote
	 */
	void discard(long tid, Object key) {
		this.rows.computeIfPresent(key, (k, chain) -> {
			Version removed = chain.remove(tid);
			if (removed != null && removed.row != null) {
				unindexUnlessStillUsed(key, chain, removed.row);
			}
			return chain.isEmpty() ? null : chain;
		});
	}

	/**
	 * Removes the versions of the matching writers among the keys written in a range of batches, as if those
	 * writers never ran here: aborted transactions, and those a re-run will execute again.
	 * @param fromBatch the first batch whose keys to look at
	 * @param toBatch the last batch whose keys to look at
	 * @param writers which writers' versions to remove
	 */
	void discardWhere(long fromBatch, long toBatch, LongPredicate writers) {
		for (Map.Entry<Long, Set<Object>> dirty : this.dirtyByBatch.entrySet()) {
			if (dirty.getKey() < fromBatch || dirty.getKey() > toBatch) {
				continue;
			}
			for (Object key : dirty.getValue()) {
				this.rows.computeIfPresent(key, (k, chain) -> {
					chain.removeIf(writers, removed -> {
						if (removed.row != null) {
							unindexUnlessStillUsed(key, chain, removed.row);
						}
					});
					return chain.isEmpty() ? null : chain;
				});
			}
		}
	}

	/**
	 * The net changes of the batches after {@code fromBatch} up to {@code toBatch}: for each key written, its
	 * state at {@code toTid}, if that state was written after {@code fromTid}. A key absent at {@code toTid} is
	 * listed as deleted even when pruning already dropped its tombstone (so it may name a row the database never
	 * held, which is harmless to delete).
	 */
	TableChanges changes(long fromBatch, long toBatch, long fromTid, long toTid) {
		Set<Object> keys = new HashSet<>();
		for (long batch = fromBatch + 1; batch <= toBatch; batch++) {
			Set<Object> dirty = this.dirtyByBatch.get(batch);
			if (dirty != null) {
				keys.addAll(dirty);
			}
		}
		List<Object[]> upserts = new ArrayList<>();
		List<Object> deletes = new ArrayList<>();
		for (Object key : keys) {
			VersionChain chain = this.rows.get(key);
			Version version = (chain != null) ? chain.at(toTid) : null;
			if (version != null && version.tid <= fromTid) {
				continue;
			}
			if (version != null && version.row != null) {
				upserts.add(version.row);
			}
			else {
				// absent at toTid: a tombstone, or no version at all because pruning dropped the dead key already
				deletes.add(key);
			}
		}
		return new TableChanges(this.schema, upserts, deletes);
	}

	/** Forgets the dirty keys of batches up to and including the given one, once they are checkpointed. */
	void releaseDirty(long upToBatch) {
		this.dirtyByBatch.keySet().removeIf(batch -> batch <= upToBatch);
	}

	/**
	 * Drops versions of keys written in committed batches (and keys held back before) that no reader can see.
	 * @param fromBatch the batch committed before (exclusive)
	 * @param toBatch the batch just committed (inclusive)
	 * @param horizon the oldest TID any current or future reader reads at
	 * @param fullyPruned whether the horizon reached the batch's end, so no key needs revisiting
	 */
	void prune(long fromBatch, long toBatch, long horizon, boolean fullyPruned) {
		Set<Object> keys = new HashSet<>(this.prunePending);
		this.prunePending.removeAll(keys);
		for (long batch = fromBatch + 1; batch <= toBatch; batch++) {
			Set<Object> dirty = this.dirtyByBatch.get(batch);
			if (dirty != null) {
				keys.addAll(dirty);
			}
		}
		for (Object key : keys) {
			this.rows.computeIfPresent(key, (k, chain) -> {
				chain.prune(horizon, dropped -> {
					if (dropped.row != null) {
						unindexUnlessStillUsed(key, chain, dropped.row);
					}
				});
				return chain.isDeadAt(horizon) ? null : chain;
			});
		}
		if (!fullyPruned) {
			this.prunePending.addAll(keys);
		}
	}

	private void write(TransactionContext tx, Object[] row, WriteMode mode) {
		requireWritable(tx);
		if (row.length != this.schema.columns().size()) {
			throw new IllegalArgumentException("Row for " + this.schema.name() + " has " + row.length
					+ " values, expected " + this.schema.columns().size());
		}
		this.schema.validate(row);
		Object key = this.schema.keyOf(row);
		long tid = tx.tid();
		TableObserver observer = this.observer;
		checkUniqueIndexes(tx, key, row, observer);
		// insert and update succeed or fail on the version they find, so they read the key; an upsert writes blindly
		Version[] seen = (mode != WriteMode.UPSERT) ? new Version[1] : null;
		try {
			this.rows.compute(key, (k, chain) -> {
				Version current = (chain != null) ? chain.at(tid) : null;
				if (seen != null) {
					seen[0] = current;
				}
				boolean exists = current != null && current.row != null;
				if (mode == WriteMode.INSERT && exists) {
					throw new IntegrityViolationException(this.schema.name(), "duplicate primary key " + key);
				}
				if (mode == WriteMode.UPDATE && !exists) {
					throw new IntegrityViolationException(this.schema.name(), "no row with primary key " + key + " to update");
				}
				chain = (chain != null) ? chain : new VersionChain();
				chain.add(tid, row);
				indexRow(key, row);
				return chain;
			});
		}
		finally {
			// noted even when the check failed: a handler that catches the violation and commits did read the key
			if (seen != null && seen[0] != null) {
				tx.saw(seen[0].tid);
			}
			if (seen != null && observer != null) {
				observer.read(key, tid, seen[0]);
			}
		}
		markWritten(tx, key);
		if (observer != null) {
			observer.wrote(key, tid);
		}
	}

	private void requireWritable(TransactionContext tx) {
		if (tx == null) {
			throw new IllegalStateException("Writes to " + this.schema.name()
					+ " happen only inside a handler: outside one, the VMS state is a read-only committed snapshot");
		}
		if (!tx.type().writes()) {
			throw new IllegalStateException("Transaction " + tx.tid() + " is declared " + tx.type()
					+ " and must not write to " + this.schema.name() + "; declare the handler WRITE or READ_WRITE");
		}
	}

	private void markWritten(TransactionContext tx, Object key) {
		this.dirtyByBatch.computeIfAbsent(tx.batch(), b -> ConcurrentHashMap.newKeySet()).add(key);
		tx.recordWrite(this.schema.name(), key);
	}

	/**
	 * Fails if another row holds the same values in a unique index. The write depends on every other candidate
	 * row it looked at, so each is reported as read by the writer.
	 */
	private void checkUniqueIndexes(TransactionContext tx, Object key, Object[] row, TableObserver observer) {
		long tid = tx.tid();
		for (int i = 0; i < this.indexes.length; i++) {
			IndexSchema index = this.indexes[i].schema();
			if (!index.unique() || hasNull(row, index.columns())) {
				continue; // as in SQL, a unique index holds any number of rows with a null indexed value
			}
			Object indexKey = index.keyOf(row);
			for (Object other : this.indexes[i].candidates(indexKey)) {
				if (other.equals(key)) {
					continue;
				}
				Version version = versionAt(other, tid);
				if (version != null) {
					tx.saw(version.tid);
				}
				if (observer != null) {
					observer.read(other, tid, version);
				}
				Object[] otherRow = (version != null) ? version.row : null;
				if (otherRow != null && Objects.equals(indexKey, index.keyOf(otherRow))) {
					throw new IntegrityViolationException(this.schema.name(),
							"unique index " + index.name() + " already holds " + indexKey + " (row " + other + ")");
				}
			}
		}
	}

	/** The version of a key a reader at the TID sees, without reporting the read. */
	private Version versionAt(Object key, long tid) {
		VersionChain chain = this.rows.get(key);
		return (chain != null) ? chain.at(tid) : null;
	}

	private static boolean hasNull(Object[] row, List<Integer> columns) {
		for (int column : columns) {
			if (row[column] == null) {
				return true;
			}
		}
		return false;
	}

	private void indexRow(Object key, Object[] row) {
		for (SecondaryIndex index : this.indexes) {
			index.add(index.keyOf(row), key);
		}
	}

	private void unindexUnlessStillUsed(Object key, VersionChain chain, Object[] row) {
		for (SecondaryIndex index : this.indexes) {
			Object indexKey = index.schema().keyOf(row);
			if (!chain.anyVersionMatches(index.schema(), indexKey)) {
				index.remove(indexKey, key);
			}
		}
	}

	private enum WriteMode {

		UPSERT, INSERT, UPDATE

	}

}
