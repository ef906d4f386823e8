package dev.vmodb.samples.marketplace.api;

import java.util.Map;

import dev.vmodb.core.api.TransactionResult;

/**
 * What a committed transaction returns over HTTP: its place in the serial order and its terminal events.
 */
public record TransactionResponse(long tid, long batch, Map<String, Object> output) {

	static TransactionResponse of(TransactionResult result) {
		return new TransactionResponse(result.tid(), result.batch(), result.outputs());
	}

}
