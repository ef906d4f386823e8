package dev.vmodb.core.protocol;

import java.util.Arrays;

/**
 * The coordinator's decision to run a batch again from a transaction on, because that transaction saw a version
 * of one that aborted. Every VMS removes the versions of the aborted transactions before {@code fromTid} and of
 * every transaction from {@code fromTid} on (in this and later batches), then executes those again. Events and
 * reports written for them before the decision carry an older epoch and no longer count.
 *
 * @param epoch the number of this decision, counting from 1: events and reports of the re-run carry it
 * @param batch the batch of {@code fromTid}, the oldest uncommitted one
 * @param fromTid the first transaction to run again
 * @param aborted the transactions of the batch before {@code fromTid} that aborted, in TID order: they stay
 * aborted, and their versions go before anything runs again
 */
public record BatchRerun(long epoch, long batch, long fromTid, long[] aborted) implements ControlRecord {

	public BatchRerun {
		if (epoch < 1) {
			throw new IllegalArgumentException("Re-run epochs start at 1, got " + epoch);
		}
		aborted = aborted.clone();
	}

	/**
	 * Whether this decision removes the versions a transaction wrote.
	 * @param tid the transaction
	 * @return whether it runs again or stays aborted
	 */
	public boolean removes(long tid) {
		return tid >= this.fromTid || Arrays.binarySearch(this.aborted, tid) >= 0;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BatchRerun that && this.epoch == that.epoch && this.batch == that.batch
				&& this.fromTid == that.fromTid && Arrays.equals(this.aborted, that.aborted);
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.epoch);
	}

	@Override
	public String toString() {
		return "BatchRerun[epoch=" + this.epoch + ", batch=" + this.batch + ", fromTid=" + this.fromTid + ", aborted="
				+ Arrays.toString(this.aborted) + "]";
	}

}
