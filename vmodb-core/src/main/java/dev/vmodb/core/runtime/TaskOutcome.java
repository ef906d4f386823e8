package dev.vmodb.core.runtime;

import dev.vmodb.core.metadata.HandlerDefinition;

/**
 * What one handler did for one transaction.
 *
 * @param tid the transaction id
 * @param handler the handler that ran
 * @param output the emitted event, or {@code null}
 * @param failure why the handler failed, or {@code null} if it succeeded
 * @param readFrom the uncommitted transactions whose versions the handler saw, failed or not
 */
public record TaskOutcome(long tid, HandlerDefinition handler, Object output, Throwable failure, long[] readFrom) {

	public boolean succeeded() {
		return this.failure == null;
	}

}
