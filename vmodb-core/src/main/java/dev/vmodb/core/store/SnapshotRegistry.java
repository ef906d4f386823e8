package dev.vmodb.core.store;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * The committed snapshots readers hold open, so pruning never drops a version one of them can still see.
 *
 * <p>Opening is lock-free and races safely with pruning: the pruner announces its horizon before it looks for
 * open snapshots, and a reader that registered too late for the pruner to see it finds the announcement and
 * retries at a newer snapshot.
 */
final class SnapshotRegistry {

	private final ConcurrentSkipListMap<Long, Integer> open = new ConcurrentSkipListMap<>();

	private volatile long announcedHorizon;

	/** Registers a snapshot at the newest committed state and returns that state. */
	CommitMark open(Supplier<CommitMark> committed) {
		while (true) {
			CommitMark mark = committed.get();
			this.open.merge(mark.tid(), 1, Integer::sum);
			if (this.announcedHorizon <= mark.tid()) {
				return mark;
			}
			close(mark.tid());
		}
	}

	void close(long tid) {
		this.open.computeIfPresent(tid, (k, count) -> (count == 1) ? null : count - 1);
	}

	/**
	 * The horizon pruning may use: the committed TID, or the oldest open snapshot if that is older.
	 * @param committedTid the newest committed TID
	 */
	long horizon(long committedTid) {
		this.announcedHorizon = Math.max(this.announcedHorizon, committedTid);
		var oldest = this.open.firstEntry();
		return (oldest != null) ? Math.min(oldest.getKey(), committedTid) : committedTid;
	}

	int openCount() {
		return this.open.values().stream().mapToInt(Integer::intValue).sum();
	}

}
