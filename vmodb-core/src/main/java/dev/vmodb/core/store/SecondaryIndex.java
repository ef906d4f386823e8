package dev.vmodb.core.store;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.vmodb.core.schema.IndexSchema;

/**
 * A hash index from indexed values to the primary keys of rows that hold them in some version.
 *
 * <p>An entry is a superset: it lists every key any live version maps there, and readers check the version they
 * see. That keeps the index correct for every TID without versioning the index itself; pruning removes a key
 * from an entry once no version of it maps there.
 */
final class SecondaryIndex {

	/** Stands for a {@code null} single-column index value, which a hash map cannot hold. */
	private static final Object NULL = new Object();

	private final IndexSchema schema;

	private final ConcurrentHashMap<Object, Set<Object>> entries = new ConcurrentHashMap<>();

	SecondaryIndex(IndexSchema schema) {
		this.schema = schema;
	}

	IndexSchema schema() {
		return this.schema;
	}

	Object keyOf(Object[] row) {
		return mask(this.schema.keyOf(row));
	}

	void add(Object indexKey, Object primaryKey) {
		this.entries.computeIfAbsent(mask(indexKey), k -> ConcurrentHashMap.newKeySet()).add(primaryKey);
	}

	void remove(Object indexKey, Object primaryKey) {
		this.entries.computeIfPresent(mask(indexKey), (k, keys) -> {
			keys.remove(primaryKey);
			return keys.isEmpty() ? null : keys;
		});
	}

	/**
	 * The keys of rows that may hold the given indexed values at some TID.
	 * @param indexKey the indexed values (one value or a composite key)
	 * @return the candidate primary keys, possibly empty, never {@code null}
	 */
	Set<Object> candidates(Object indexKey) {
		Set<Object> keys = this.entries.get(mask(indexKey));
		return (keys != null) ? keys : Collections.emptySet();
	}

	private static Object mask(Object indexKey) {
		return (indexKey != null) ? indexKey : NULL;
	}

}
