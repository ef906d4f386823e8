package dev.vmodb.core.api;

import java.util.concurrent.CompletableFuture;

/**
 * Starts transactions by submitting their input events.
 */
public interface VmsClient {

	/** The longest idempotency key accepted, in characters. */
	int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

	/**
	 * Submits an input event; the transaction runs in the serial order the runtime assigns.
	 * @param event the name of an event some VMS handles, for example {@code "customer_checkout"}
	 * @param payload the event record, of the type the handling VMS declares
	 * @return a future completed when the transaction's batch commits, or completed exceptionally with a
	 * {@link TransactionAbortedException} when the transaction aborts
	 * @throws IllegalArgumentException if no VMS handles the event or the payload has the wrong type; an
	 * {@link InvalidInputException} if the payload violates its constraints or cannot be encoded. Either way it is
	 * thrown here, before the event enters the log
	 */
	CompletableFuture<TransactionResult> submit(String event, Record payload);

	/**
	 * Submits an input event with an idempotency key, so that submitting the same request again (for example after
	 * the submitter restarted without knowing whether its first attempt got through) does not run it twice.
	 *
	 * <p>The first submission with a key runs as usual. A later one with the same key, from this or any other
	 * client of the deployment, runs nowhere: its future completes with the first transaction's outcome, a
	 * {@link TransactionResult} carrying the first transaction's TID, batch and outputs, or a
	 * {@link TransactionAbortedException} carrying its TID, VMS, handler and reason. The coordinator retains the
	 * latest keys only ({@code vmodb.coordinator.idempotency-keys-retained}, 100,000 by default); a key older than
	 * that runs again as a new transaction. Keys survive a coordinator restart.
	 * @param event the name of an event some VMS handles
	 * @param payload the event record, of the type the handling VMS declares
	 * @param idempotencyKey the request's key, chosen by the submitter and unique per request (an order number, a
	 * UUID): not blank, at most {@value #MAX_IDEMPOTENCY_KEY_LENGTH} characters
	 * @return a future completed when the transaction's batch commits, as for {@link #submit(String, Record)}
	 * @throws IllegalArgumentException if the key is {@code null}, blank or too long, and as for
	 * {@link #submit(String, Record)}; thrown here, before the event enters the log
	 * @throws UnsupportedOperationException from a client that cannot honour keys; the runtime's client can (this
	 * default keeps a client written as a lambda, such as a test double, compiling)
	 */
	default CompletableFuture<TransactionResult> submit(String event, Record payload, String idempotencyKey) {
		throw new UnsupportedOperationException(getClass().getName() + " does not support idempotency keys");
	}

}
