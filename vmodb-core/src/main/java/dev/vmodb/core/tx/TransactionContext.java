package dev.vmodb.core.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.vmodb.core.api.TransactionType;

/**
 * The transaction a handler runs in: its id (TID), its batch, what it may do, and the keys it wrote.
 *
 * <p>The engine binds it to the executing thread for the duration of a handler, so repositories can read and
 * write at the handler's TID without being passed it. Not thread-safe: one handler, one thread.
 */
public final class TransactionContext {

	private static final ThreadLocal<TransactionContext> CURRENT = new ThreadLocal<>();

	private final long tid;

	private final long batch;

	private final TransactionType type;

	private final List<WrittenKey> writes = new ArrayList<>(4);

	public TransactionContext(long tid, long batch, TransactionType type) {
		if (tid <= 0) {
			throw new IllegalArgumentException("TIDs start at 1, got " + tid);
		}
		this.tid = tid;
		this.batch = batch;
		this.type = type;
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
	 * A key written by a transaction.
	 * @param table the table name
	 * @param key the primary key
	 */
	public record WrittenKey(String table, Object key) {
	}

}
