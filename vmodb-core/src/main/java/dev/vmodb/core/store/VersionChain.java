package dev.vmodb.core.store;

import java.util.Objects;
import java.util.function.Consumer;

import dev.vmodb.core.schema.IndexSchema;

/**
 * The versions of one key, newest first.
 *
 * <p>Readers traverse without locks. Writers (add, remove, prune) are serialised by the caller, which holds the
 * key's slot in the table map, so a chain sees one writer at a time.
 */
final class VersionChain {

	private volatile Version newest;

	/**
	 * The newest version written at or before a TID.
	 * @param tid the reader's TID
	 * @return the version, or {@code null} if the key did not exist then
	 */
	Version at(long tid) {
		for (Version v = this.newest; v != null; v = v.older) {
			if (v.tid <= tid) {
				return v;
			}
		}
		return null;
	}

	/** Adds a version in TID order, replacing one of the same TID (a transaction writing a key twice). */
	void add(long tid, Object[] row) {
		Version newer = null;
		Version v = this.newest;
		while (v != null && v.tid > tid) {
			newer = v;
			v = v.older;
		}
		Version older = (v != null && v.tid == tid) ? v.older : v;
		link(newer, new Version(tid, row, older));
	}

	/**
	 * Removes the version written by a TID.
	 * @return the removed version, or {@code null} if that TID wrote none
	 */
	Version remove(long tid) {
		Version newer = null;
		for (Version v = this.newest; v != null; v = v.older) {
			if (v.tid == tid) {
				link(newer, v.older);
				return v;
			}
			newer = v;
		}
		return null;
	}

	/**
	 * Removes every version whose writer matches.
	 * @param writers which writers' versions to remove
	 * @param removed receives each removed version
	 */
	void removeIf(java.util.function.LongPredicate writers, Consumer<Version> removed) {
		Version newer = null;
		for (Version v = this.newest; v != null; v = v.older) {
			if (writers.test(v.tid)) {
				link(newer, v.older);
				removed.accept(v);
			}
			else {
				newer = v;
			}
		}
	}

	/**
	 * Drops the versions no reader at or after {@code horizon} can see: all older than the newest version at
	 * or before the horizon.
	 * @param horizon the oldest TID any current or future reader reads at
	 * @param dropped receives each dropped version
	 */
	void prune(long horizon, Consumer<Version> dropped) {
		Version visible = at(horizon);
		if (visible == null) {
			return;
		}
		Version v = visible.older;
		visible.older = null;
		for (; v != null; v = v.older) {
			dropped.accept(v);
		}
	}

	/**
	 * Whether the chain holds nothing but a deletion every reader already sees, so the key can go.
	 * @param horizon the oldest TID any current or future reader reads at
	 */
	boolean isDeadAt(long horizon) {
		Version v = this.newest;
		return v == null || (v.row == null && v.older == null && v.tid <= horizon);
	}

	/** Whether any version holds a row with the given index key (used to keep index entries a superset). */
	boolean anyVersionMatches(IndexSchema index, Object indexKey) {
		for (Version v = this.newest; v != null; v = v.older) {
			if (v.row != null && Objects.equals(indexKey, index.keyOf(v.row))) {
				return true;
			}
		}
		return false;
	}

	boolean isEmpty() {
		return this.newest == null;
	}

	private void link(Version newer, Version version) {
		if (newer == null) {
			this.newest = version;
		}
		else {
			newer.older = version;
		}
	}

}
