package dev.vmodb.core.api;

import java.util.concurrent.CompletableFuture;

/**
 * Starts transactions by submitting their input events.
 */
public interface VmsClient {

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

}
