package dev.vmodb.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongPredicate;

import dev.vmodb.core.store.StoreObserver;

/**
 * Records a {@link History}: observes the stores of the VMSs (pass it to
 * {@link dev.vmodb.core.store.VersionedStore#observe}) and is told by the runtime when a handler starts and when a
 * transaction aborts.
 *
 * <p>Thread-safe and cheap on the hot path: each thread appends reads and writes to a buffer of its own, so
 * handlers running in parallel do not contend; {@link #snapshot()} gathers the buffers. Handler starts go to one
 * shared queue instead, because their order across threads is the thing to check.
 */
public final class HistoryRecorder implements StoreObserver {

	private final Queue<Buffer> buffers = new ConcurrentLinkedQueue<>();

	private final ThreadLocal<Buffer> threadBuffer = ThreadLocal.withInitial(this::newBuffer);

	private final Queue<History.Applied> applied = new ConcurrentLinkedQueue<>();

	private final Set<Long> aborted = ConcurrentHashMap.newKeySet();

	@Override
	public void read(String vms, String table, Object key, long readerTid, long versionTid) {
		this.threadBuffer.get().add(new History.Read(vms, table, key, readerTid, versionTid));
	}

	@Override
	public void wrote(String vms, String table, Object key, long writerTid) {
		this.threadBuffer.get().add(new History.Write(vms, table, key, writerTid, false));
	}

	@Override
	public void deleted(String vms, String table, Object key, long writerTid) {
		this.threadBuffer.get().add(new History.Write(vms, table, key, writerTid, true));
	}

	/**
	 * A VMS starts a handler of a transaction; call it in the order the VMS starts handlers. Partitioned and
	 * parallel handlers released together begin on their threads in any order, so record them where the VMS
	 * releases them in order (the scheduler's dispatch), not from their threads, or legitimate overlap shows as
	 * disorder.
	 * @param vms the VMS
	 * @param tid the transaction
	 * @param handler the handler's name
	 */
	public void applied(String vms, long tid, String handler) {
		this.applied.add(new History.Applied(vms, tid, handler));
	}

	/**
	 * A transaction did not commit: it and its writes are left out of the serializability check.
	 * @param tid the transaction
	 */
	public void aborted(long tid) {
		this.aborted.add(tid);
	}

	@Override
	public void rolledBack(String vms, LongPredicate tids) {
		for (Buffer buffer : this.buffers) {
			buffer.removeIf(vms, tids);
		}
		this.applied.removeIf(applied -> applied.vms().equals(vms) && tids.test(applied.tid()));
	}

	/**
	 * An immutable copy of everything recorded so far. Events recorded while it is taken may or may not be in
	 * it; take it once the transactions to check have finished.
	 * @return the history
	 */
	public History snapshot() {
		List<History.Read> reads = new ArrayList<>();
		List<History.Write> writes = new ArrayList<>();
		for (Buffer buffer : this.buffers) {
			buffer.copyTo(reads, writes);
		}
		return new History(reads, writes, List.copyOf(this.applied), Set.copyOf(this.aborted));
	}

	private Buffer newBuffer() {
		Buffer buffer = new Buffer();
		this.buffers.add(buffer);
		return buffer;
	}

	/**
	 * The events of one thread. Its lock is uncontended except while a snapshot copies it, which keeps appends
	 * cheap and makes them visible to the snapshotting thread.
	 */
	private static final class Buffer {

		private final List<History.Read> reads = new ArrayList<>();

		private final List<History.Write> writes = new ArrayList<>();

		synchronized void add(History.Read read) {
			this.reads.add(read);
		}

		synchronized void add(History.Write write) {
			this.writes.add(write);
		}

		synchronized void removeIf(String vms, LongPredicate tids) {
			this.reads.removeIf(read -> read.vms().equals(vms) && tids.test(read.readerTid()));
			this.writes.removeIf(write -> write.vms().equals(vms) && tids.test(write.writerTid()));
		}

		synchronized void copyTo(List<History.Read> reads, List<History.Write> writes) {
			reads.addAll(this.reads);
			writes.addAll(this.writes);
		}

	}

}
