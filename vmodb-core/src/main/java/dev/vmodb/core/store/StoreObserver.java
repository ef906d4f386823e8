package dev.vmodb.core.store;

import java.util.function.LongPredicate;

/**
 * Receives what transactions read and wrote in a {@link VersionedStore}, to record a history and check it
 * afterwards (see {@code dev.vmodb.core.history}).
 *
 * <p>Called on the handler's thread, often while other handlers of the same VMS run on other threads, so
 * implementations must be thread-safe and cheap: they sit on every read and write. They must not call back into
 * the store.
 *
 * <p>A read is reported with the version it saw, identified by the TID that wrote it. That is what makes a
 * history checkable: versions of a key are ordered by TID, so "who wrote what I saw" and "who wrote next" follow
 * from TIDs alone.
 *
 * @see VersionedStore#observe(StoreObserver)
 */
public interface StoreObserver {

	/**
	 * A transaction read a key.
	 * @param vms the VMS owning the store
	 * @param table the table name as declared
	 * @param key the primary key
	 * @param readerTid the reading transaction
	 * @param versionTid the TID that wrote the version seen: a row, or a deletion when the reader saw the key
	 * deleted; {@code 0} when the key had no version at that TID (never written, or its deletion was pruned)
	 */
	void read(String vms, String table, Object key, long readerTid, long versionTid);

	/**
	 * A transaction wrote a key: an upsert, insert or update, or a delete unless {@link #deleted} is overridden.
	 * @param vms the VMS owning the store
	 * @param table the table name as declared
	 * @param key the primary key
	 * @param writerTid the writing transaction
	 */
	void wrote(String vms, String table, Object key, long writerTid);

	/**
	 * A transaction deleted a key. A delete is a write; it is told apart because once pruning drops a dead key,
	 * a later reader sees no version at all ({@code versionTid} 0) rather than the deletion, and only knowing
	 * which writes were deletions lets a checker tell that from a read that missed a row.
	 * @param vms the VMS owning the store
	 * @param table the table name as declared
	 * @param key the primary key
	 * @param writerTid the deleting transaction
	 */
	default void deleted(String vms, String table, Object key, long writerTid) {
		wrote(vms, table, key, writerTid);
	}

	/**
	 * Everything reported so far for the matching transactions at a VMS is void: they did not happen there (a
	 * re-run rolled them back, and will report them again as it executes them).
	 * @param vms the VMS
	 * @param tids which transactions
	 */
	default void rolledBack(String vms, LongPredicate tids) {
	}

}
