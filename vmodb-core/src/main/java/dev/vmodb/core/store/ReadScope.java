package dev.vmodb.core.store;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Several reads outside handlers that must see one committed state: inside {@link #read(Supplier)}, every read of
 * a VMS's store uses one snapshot, opened at the first read of that store and closed when the scope ends. Reads
 * of different tables of one VMS are then consistent with each other (a batch boundary); each read outside a scope
 * opens its own snapshot, so two reads may see different batches.
 */
public final class ReadScope {

	private static final ThreadLocal<ReadScope> CURRENT = new ThreadLocal<>();

	private final Map<VersionedStore, Snapshot> snapshots = new IdentityHashMap<>();

	private ReadScope() {
	}

	/**
	 * Runs reads against one committed snapshot per VMS.
	 * @param <T> the result type
	 * @param reads the reads (repository calls outside handlers)
	 * @return what the reads returned
	 */
	public static <T> T read(Supplier<T> reads) {
		if (CURRENT.get() != null) {
			return reads.get();
		}
		ReadScope scope = new ReadScope();
		CURRENT.set(scope);
		try {
			return reads.get();
		}
		finally {
			CURRENT.remove();
			scope.snapshots.values().forEach(Snapshot::close);
		}
	}

	/**
	 * The TID a read of a store outside a handler uses, when a scope is open on this thread.
	 * @param store the store
	 * @return the scope's snapshot TID for the store, or {@code -1} outside a scope
	 */
	static long snapshotTid(VersionedStore store) {
		ReadScope scope = CURRENT.get();
		if (scope == null) {
			return -1;
		}
		return scope.snapshots.computeIfAbsent(store, VersionedStore::openSnapshot).tid();
	}

}
