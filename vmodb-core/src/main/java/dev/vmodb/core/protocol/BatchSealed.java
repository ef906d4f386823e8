package dev.vmodb.core.protocol;

import java.util.List;

/**
 * The sequencing decision for a batch: which input records it takes and the TIDs and types of its transactions.
 *
 * @param batch the batch id (consecutive from 1)
 * @param firstTid the TID of its first transaction; the others follow consecutively
 * @param types the transaction type of each TID in order ({@code -1}: its input event starts no transaction)
 * @param inputs the input log ranges it takes, one per input partition, in partition order
 * @param origins who submitted the transactions, in TID order
 */
public record BatchSealed(long batch, long firstTid, int[] types, List<InputRange> inputs, List<Origin> origins)
		implements ControlRecord {

	public BatchSealed {
		inputs = List.copyOf(inputs);
		origins = List.copyOf(origins);
	}

	public long lastTid() {
		return this.firstTid + this.types.length - 1;
	}

	public int size() {
		return this.types.length;
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
	 * Consecutive transactions submitted by one client.
	 * @param clientId the client
	 * @param firstSeq the client's sequence number of the first
	 * @param count how many
	 */
	public record Origin(long clientId, long firstSeq, int count) {
	}

}
