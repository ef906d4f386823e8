package dev.vmodb.core.history;

import java.util.List;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.tx.TransactionContext;

/**
 * A VMS with one table, {@code items(id, qty, category)} indexed by category, and a way to run work as a handler.
 */
final class Items {

	private Items() {
	}

	static VersionedStore store(String vms) {
		return new VersionedStore(vms, List.of(new TableSchema("items",
				List.of(new ColumnSchema("id", Long.class, List.of()), new ColumnSchema("qty", Long.class, List.of()),
						new ColumnSchema("category", Integer.class, List.of())),
				List.of(0), List.of(new IndexSchema("ix_category", List.of(2), false)))));
	}

	static Object[] item(long id, long qty, int category) {
		return new Object[] { id, qty, category };
	}

	static long qty(Object[] row) {
		return (Long) row[1];
	}

	/**
	 * Runs work as a handler of a transaction in batch 1.
	 * @param tid the transaction
	 * @param work the handler's work, given its transaction
	 * @return the transaction
	 */
	static TransactionContext run(long tid, Handler work) {
		return run(tid, 1, work);
	}

	/**
	 * Runs work as a handler of a transaction: bound to the calling thread, as the runtime does.
	 * @param tid the transaction
	 * @param batch its batch
	 * @param work the handler's work, given its transaction
	 * @return the transaction
	 */
	static TransactionContext run(long tid, long batch, Handler work) {
		TransactionContext tx = new TransactionContext(tid, batch, TransactionType.READ_WRITE);
		try {
			tx.callBound(() -> {
				work.run(tx);
				return null;
			});
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return tx;
	}

	@FunctionalInterface
	interface Handler {

		void run(TransactionContext tx);

	}

}
