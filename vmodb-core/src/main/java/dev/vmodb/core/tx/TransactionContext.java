package dev.vmodb.core.tx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

import dev.vmodb.core.api.TransactionType;

/**
 * The transaction a handler runs in: its id (TID), its batch, what it may do, its time and random source, and the
 * keys it wrote.
 *
 * <p>The engine binds it to the executing thread for the duration of a handler, so repositories can read and
 * write at the handler's TID without being passed it. Not thread-safe: one handler, one thread.
 */
public final class TransactionContext {

	private static final ThreadLocal<TransactionContext> CURRENT = new ThreadLocal<>();

	private final long tid;

	private final long batch;

	private final TransactionType type;

	private final Instant time;

	/** The handler running, whose name seeds the random source; {@code ""} for work that is no handler. */
	private final String handler;

	private RandomGenerator random;

	private final List<WrittenKey> writes = new ArrayList<>(4);

	/** Versions up to this TID were committed when the handler started, so reading them depends on nobody. */
	private final long committedTid;

	/** The uncommitted transactions whose versions this one read, without duplicates. */
	private long[] readFrom = NONE;

	private int readFromCount;

	private static final long[] NONE = new long[0];

	public TransactionContext(long tid, long batch, TransactionType type) {
		this(tid, batch, type, 0);
	}

	/**
	 * Creates the transaction of one handler run.
	 * @param tid the TID
	 * @param batch its batch
	 * @param type what it may do
	 * @param committedTid the newest committed TID of the store when the handler starts: versions written after it
	 * may still be discarded, so reading them is recorded (see {@link #readFrom()})
	 */
	public TransactionContext(long tid, long batch, TransactionType type, long committedTid) {
		this(tid, batch, type, committedTid, Instant.EPOCH, "");
	}

	/**
	 * Creates the transaction of one handler run.
	 * @param tid the TID
	 * @param batch its batch
	 * @param type what it may do
	 * @param committedTid the newest committed TID of the store when the handler starts: versions written after it
	 * may still be discarded, so reading them is recorded (see {@link #readFrom()})
	 * @param time the transaction's time: its batch's sealing time
	 * @param handler the handler's name, which with the TID seeds {@link #random()}
	 */
	public TransactionContext(long tid, long batch, TransactionType type, long committedTid, Instant time,
			String handler) {
		if (tid <= 0) {
			throw new IllegalArgumentException("TIDs start at 1, got " + tid);
		}
		this.tid = tid;
		this.batch = batch;
		this.type = type;
		this.committedTid = committedTid;
		this.time = time;
		this.handler = handler;
	}

	/**
	 * The transaction bound to the calling thread.
	 * @return the transaction, or {@code null} outside a handler
	 */
	public static TransactionContext current() {
		return CURRENT.get();
	}

	/**
	 * Runs work with this transaction bound to the calling thread.
	 * @param <T> the result type
	 * @param work the work
	 * @return what the work returned
	 * @throws Exception what the work threw
	 */
	public <T> T callBound(Callable<T> work) throws Exception {
		TransactionContext previous = CURRENT.get();
		CURRENT.set(this);
		try {
			return work.call();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

	public long tid() {
		return this.tid;
	}

	public long batch() {
		return this.batch;
	}

	public TransactionType type() {
		return this.type;
	}

	/**
	 * The transaction's time: its batch's sealing time, the same in every run of the transaction.
	 * @return the time
	 */
	public Instant time() {
		return this.time;
	}

	/**
	 * The handler run's random source, seeded from the TID and the handler: every run of this handler in this
	 * transaction draws the same sequence. The same generator for the whole run.
	 * @return the generator
	 */
	public RandomGenerator random() {
		if (this.random == null) {
			this.random = new SplittableRandom(TransactionSeed.of(this.tid, this.handler));
		}
		return this.random;
	}

	/**
	 * Records that this transaction wrote a key, so its versions can be found again (to discard them on abort).
	 * @param table the table name
	 * @param key the primary key
	 */
	public void recordWrite(String table, Object key) {
		this.writes.add(new WrittenKey(table, key));
	}

	/**
	 * The keys this transaction wrote, in write order (a key written twice appears twice).
	 * @return the written keys
	 */
	public List<WrittenKey> writes() {
		return this.writes;
	}

	/**
	 * Notes that this transaction saw a version (a row or a deletion) written by a transaction. Only versions of
	 * transactions not committed when the handler started are kept: if their writer aborts, what this transaction
	 * did may be wrong, and the coordinator re-runs it (see {@code BatchCoordinator}).
	 * @param writerTid the TID that wrote the version seen
	 */
	public void saw(long writerTid) {
		if (writerTid <= this.committedTid || writerTid == this.tid) {
			return;
		}
		for (int i = 0; i < this.readFromCount; i++) {
			if (this.readFrom[i] == writerTid) {
				return;
			}
		}
		if (this.readFromCount == this.readFrom.length) {
			this.readFrom = Arrays.copyOf(this.readFrom, Math.max(4, this.readFromCount * 2));
		}
		this.readFrom[this.readFromCount++] = writerTid;
	}

	/**
	 * The uncommitted transactions whose versions this one saw.
	 * @return their TIDs, without duplicates, in the order first seen
	 */
	public long[] readFrom() {
		return Arrays.copyOf(this.readFrom, this.readFromCount);
	}

	/**
	 * A key written by a transaction.
	 * @param table the table name
	 * @param key the primary key
	 */
	public record WrittenKey(String table, Object key) {
	}

}
