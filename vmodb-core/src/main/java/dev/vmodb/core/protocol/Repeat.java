package dev.vmodb.core.protocol;

import java.util.List;

/**
 * The outcome of a transaction that repeated an earlier one's idempotency key: the earlier one's outcome, which
 * its submitter gets instead of running the request again.
 *
 * @param tid the repeating transaction
 * @param originalTid the transaction that first had the key
 * @param originalBatch the batch that one committed in
 * @param abort why the original aborted, or {@code null} when it committed
 * @param results the original's terminal events, in emission order (empty when it aborted)
 */
public record Repeat(long tid, long originalTid, long originalBatch, Abort abort, List<Result> results) {

	public Repeat {
		results = List.copyOf(results);
	}

}
