package dev.vmodb.core.coordinator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.Repeat;
import dev.vmodb.core.protocol.Result;

/**
 * The idempotency keys the coordinator has sequenced, each with the transaction that first had it and, once its
 * batch is decided, that transaction's outcome. Bounded: beyond {@code retained} keys the oldest is forgotten, and a
 * request repeating it runs again as a new transaction. Not thread-safe: the coordinator's lock guards it.
 */
final class IdempotencyKeys {

	private final int retained;

	/** By key, oldest first. */
	private final Map<String, Original> byKey = new LinkedHashMap<>();

	/**
	 * Creates an empty table.
	 * @param retained how many keys to keep at most; 0 keeps none
	 */
	IdempotencyKeys(int retained) {
		if (retained < 0) {
			throw new IllegalArgumentException("The number of idempotency keys retained must not be negative, got "
					+ retained);
		}
		this.retained = retained;
	}

	/**
	 * The transaction that first had a key, if the key is still retained.
	 * @param key the key
	 * @return the transaction, or {@code null}
	 */
	Original find(String key) {
		return this.byKey.get(key);
	}

	/**
	 * Notes a key's first transaction, forgetting the oldest keys beyond the bound.
	 * @param key the key, not retained yet
	 * @param tid the transaction
	 * @param batch its batch
	 * @return the entry, to decide when the batch is decided
	 */
	Original register(String key, long tid, long batch) {
		Original original = new Original(key, tid, batch);
		if (this.retained == 0) {
			return original;
		}
		this.byKey.put(key, original);
		Iterator<Original> oldest = this.byKey.values().iterator();
		while (this.byKey.size() > this.retained) {
			oldest.next();
			oldest.remove();
		}
		return original;
	}

	/**
	 * How many keys are retained.
	 * @return the count
	 */
	int size() {
		return this.byKey.size();
	}

	/** The transaction that first had a key, and its outcome once decided. */
	static final class Original {

		final String key;

		final long tid;

		final long batch;

		private boolean decided;

		private Abort abort;

		private List<Result> results = List.of();

		Original(String key, long tid, long batch) {
			this.key = key;
			this.tid = tid;
			this.batch = batch;
		}

		/**
		 * Records the outcome from its batch's commit decision.
		 * @param aborts the batch's aborts
		 * @param results the batch's results
		 */
		void decide(List<Abort> aborts, List<Result> results) {
			this.decided = true;
			this.abort = aborts.stream().filter(a -> a.tid() == this.tid).findFirst().orElse(null);
			List<Result> mine = new ArrayList<>();
			if (this.abort == null) {
				results.stream().filter(result -> result.tid() == this.tid).forEach(mine::add);
			}
			this.results = List.copyOf(mine);
		}

		/**
		 * The outcome a repeating transaction gets.
		 * @param repeatTid the repeating transaction
		 * @return the outcome
		 * @throws IllegalStateException if this transaction is not decided yet, which TID order rules out
		 */
		Repeat repeatedBy(long repeatTid) {
			if (!this.decided) {
				throw new IllegalStateException("Transaction " + repeatTid + " repeats idempotency key '" + this.key
						+ "' of transaction " + this.tid + ", which is not decided yet");
			}
			return new Repeat(repeatTid, this.tid, this.batch, this.abort, this.results);
		}

	}

}
