package dev.vmodb.core.history;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed writers of one key, in TID order: the key's version order, since every write creates the version
 * of its TID.
 */
final class KeyWriters {

	/** Whether each writer's (last) write was a deletion, by TID; a later write of the same TID replaces it. */
	private TreeMap<Long, Boolean> collecting = new TreeMap<>();

	private long[] tids;

	private boolean[] deletions;

	void add(long tid, boolean deletion) {
		this.collecting.put(tid, deletion);
	}

	/** Ends collecting; queries may follow. */
	KeyWriters seal() {
		this.tids = new long[this.collecting.size()];
		this.deletions = new boolean[this.tids.length];
		int i = 0;
		for (Map.Entry<Long, Boolean> writer : this.collecting.entrySet()) {
			this.tids[i] = writer.getKey();
			this.deletions[i++] = writer.getValue();
		}
		this.collecting = null;
		return this;
	}

	int count() {
		return this.tids.length;
	}

	long tid(int index) {
		return this.tids[index];
	}

	boolean wrote(long tid) {
		return Arrays.binarySearch(this.tids, tid) >= 0;
	}

	/**
	 * The writer of the version after the given one.
	 * @param version the TID of a version, or {@code 0} for the state before any
	 * @return the smallest writer TID above it, or {@code 0} if none
	 */
	long nextAfter(long version) {
		int index = Arrays.binarySearch(this.tids, version);
		int next = (index >= 0) ? index + 1 : -index - 1;
		return (next < this.tids.length) ? this.tids[next] : 0;
	}

	/**
	 * The deletion a reader that found no version saw, if the writes explain it: once pruning drops a deleted
	 * key, readers find nothing where they would have found the deletion.
	 * @param readerTid the reader
	 * @return the TID of the newest write before the reader if it is a deletion, else {@code 0}
	 */
	long deletionSeenBy(long readerTid) {
		int index = Arrays.binarySearch(this.tids, readerTid);
		int newest = ((index >= 0) ? index : -index - 1) - 1;
		return (newest >= 0 && this.deletions[newest]) ? this.tids[newest] : 0;
	}

}
