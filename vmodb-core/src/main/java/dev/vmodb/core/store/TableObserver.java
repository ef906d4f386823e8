package dev.vmodb.core.store;

import dev.vmodb.core.tx.TransactionContext;

/**
 * A {@link StoreObserver} bound to one table: adds the VMS and table names and turns versions into TIDs, so the
 * table's read and write paths stay one null check long when nothing observes them.
 */
final class TableObserver {

	/** Version TID reported when a key has no version at the reader's TID. */
	static final long ABSENT = 0;

	private final StoreObserver observer;

	private final String vms;

	private final String table;

	TableObserver(StoreObserver observer, String vms, String table) {
		this.observer = observer;
		this.vms = vms;
		this.table = table;
	}

	/**
	 * A read by the transaction bound to the calling thread; reads outside a handler (snapshot reads by
	 * checkpoints and queries) belong to no transaction and are not reported.
	 * @param key the key read
	 * @param seen the version seen, or {@code null}
	 */
	void handlerRead(Object key, Version seen) {
		TransactionContext reader = TransactionContext.current();
		if (reader != null) {
			read(key, reader.tid(), seen);
		}
	}

	/**
	 * A read by a known transaction, such as the existence check of a write.
	 * @param key the key read
	 * @param readerTid the reading transaction
	 * @param seen the version seen, or {@code null}
	 */
	void read(Object key, long readerTid, Version seen) {
		this.observer.read(this.vms, this.table, key, readerTid, (seen != null) ? seen.tid : ABSENT);
	}

	void wrote(Object key, long writerTid) {
		this.observer.wrote(this.vms, this.table, key, writerTid);
	}

	void deleted(Object key, long writerTid) {
		this.observer.deleted(this.vms, this.table, key, writerTid);
	}

}
