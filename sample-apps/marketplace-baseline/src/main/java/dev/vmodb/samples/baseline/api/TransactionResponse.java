package dev.vmodb.samples.baseline.api;

import java.util.Map;

/**
 * What a completed request returns over HTTP, shaped like the vMODB shop's answer: {@code tid} is this shop's
 * sequence number of the request, {@code batch} is always {@code -1} (there are no batches), {@code output} holds the
 * terminal events by name.
 */
public record TransactionResponse(long tid, long batch, Map<String, Object> output) {

	static final long NO_BATCH = -1;

}
