package dev.vmodb.core.protocol;

import java.util.List;

/**
 * The sequencing decision for a batch: which input records it takes and the TIDs and types of its transactions.
 *
 * @param batch the batch id (consecutive from 1)
 * @param firstTid the TID of its first transaction; the others follow consecutively
 * @param types the transaction type of each TID in order, or {@link #NO_TRANSACTION} or {@link #REPEAT}: no VMS
 * runs anything for those
 * @param inputs the input log ranges it takes, one per input partition, in partition order
 * @param origins who submitted the transactions, in TID order: the k-th origin is the k-th input record taken
 * @param sealedAt the coordinator's wall-clock time when it sealed the batch, in epoch milliseconds, never earlier
 * than that of the batch before: the time every handler of the batch sees
 * @param keyed the transactions submitted with an idempotency key, in TID order
 */
public record BatchSealed(long batch, long firstTid, int[] types, List<InputRange> inputs, List<Origin> origins,
		long sealedAt, List<Keyed> keyed) implements ControlRecord {

	/** The type of a transaction whose input event starts no transaction: the coordinator aborts it. */
	public static final int NO_TRANSACTION = -1;

	/**
	 * The type of a transaction repeating an earlier one's idempotency key: nothing runs, and it gets the earlier
	 * one's outcome when its batch commits.
	 */
	public static final int REPEAT = -2;

	public BatchSealed {
		inputs = List.copyOf(inputs);
		origins = List.copyOf(origins);
		keyed = List.copyOf(keyed);
	}

	/**
	 * A sealing decision without keyed transactions and without a sealing time (the epoch): for tests and tools that
	 * need neither.
	 * @param batch the batch id
	 * @param firstTid the TID of its first transaction
	 * @param types the transaction type of each TID in order
	 * @param inputs the input log ranges it takes
	 * @param origins who submitted the transactions, in TID order
	 */
	public BatchSealed(long batch, long firstTid, int[] types, List<InputRange> inputs, List<Origin> origins) {
		this(batch, firstTid, types, inputs, origins, 0, List.of());
	}

	public long lastTid() {
		return this.firstTid + this.types.length - 1;
	}

	public int size() {
		return this.types.length;
	}

	/**
	 * The type of one of the batch's transactions.
	 * @param tid the transaction, in this batch
	 * @return its type, {@link #NO_TRANSACTION} or {@link #REPEAT}
	 */
	public int typeOf(long tid) {
		return this.types[(int) (tid - this.firstTid)];
	}

	/**
	 * A range of one input partition.
	 * @param partition the partition
	 * @param fromOffset the first offset taken
	 * @param toOffset the offset after the last one taken
	 */
	public record InputRange(int partition, long fromOffset, long toOffset) {
	}

	/**
	 * Consecutive transactions submitted by one client in one input record.
	 * @param clientId the client
	 * @param firstSeq the client's sequence number of the first
	 * @param count how many
	 */
	public record Origin(long clientId, long firstSeq, int count) {
	}

	/**
	 * A transaction submitted with an idempotency key.
	 * @param tid the transaction
	 * @param key its idempotency key
	 * @param originalTid the transaction that first had the key: {@code tid} itself, or, for a {@link #REPEAT},
	 * the earlier one whose outcome it gets
	 */
	public record Keyed(long tid, String key, long originalTid) {

		public boolean repeat() {
			return this.originalTid != this.tid;
		}

	}

}
