package dev.vmodb.jpa.mapping;

import java.util.function.LongFunction;

import dev.vmodb.core.store.Snapshot;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;

/**
 * An entity table bound to the versioned table that holds its rows in a running VMS.
 *
 * @param <T> the entity type
 * @param vms the VMS name
 * @param entity the entity mapping
 * @param store the VMS's store
 * @param table the table's versions
 */
public record BoundTable<T>(String vms, EntityTable<T> entity, VersionedStore store, VersionedTable table) {

	/**
	 * Runs a read at the right TID: the handler's inside a transaction, else the snapshot of an enclosing
	 * {@link dev.vmodb.core.store.ReadScope}, else a committed snapshot held open for the duration of the read.
	 * @param <R> the result type
	 * @param read the read, given the TID to read at
	 * @return what the read returned
	 */
	public <R> R read(LongFunction<R> read) {
		TransactionContext tx = TransactionContext.current();
		if (tx != null) {
			return read.apply(tx.tid());
		}
		long scoped = this.store.scopedSnapshotTid();
		if (scoped >= 0) {
			return read.apply(scoped);
		}
		try (Snapshot snapshot = this.store.openSnapshot()) {
			return read.apply(snapshot.tid());
		}
	}

	/**
	 * The transaction a write belongs to.
	 * @return the current transaction
	 * @throws IllegalStateException outside a handler: outside one the VMS state is read-only
	 */
	public TransactionContext writer() {
		TransactionContext tx = TransactionContext.current();
		if (tx == null) {
			throw new IllegalStateException("Writes to " + this.entity.type().getSimpleName() + " (VMS '" + this.vms
					+ "') happen only inside a handler; outside one, repositories read the last committed state");
		}
		return tx;
	}

}
