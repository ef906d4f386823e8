package dev.vmodb.core.api;

/**
 * Lets a handler abort the transaction it runs in, for example when an order asks for more stock than there is.
 *
 * <p>Aborting is all or nothing: the <em>whole</em> transaction aborts, in every VMS it touches, not only the
 * handler that asked. No VMS keeps any of its writes, the handlers after this one do not run, and the submitter's
 * future completes exceptionally with a {@link TransactionAbortedException} naming this VMS and handler and
 * carrying the reason given here as it stands. Any other exception a handler throws aborts the transaction the
 * same way, with the exception's class name before its message; an abort through this class says the failure is
 * expected, not a bug.
 *
 * <p>Call it only from a handler ({@link Inbound}) while it runs. Like everything a handler does, the decision
 * must be deterministic: it may depend on the event and on what the handler reads, nothing else.
 *
 * <pre>{@code
 * @Inbound("reserve")
 * public void reserve(Reserve event) {
 *     Stock stock = this.stocks.findById(event.item()).orElseThrow();
 *     VmsTransaction.abortIf(stock.getQuantity() < event.quantity(), "insufficient stock");
 *     ...
 * }
 * }</pre>
 */
public final class VmsTransaction {

	private VmsTransaction() {
	}

	/**
	 * Aborts the running transaction in every VMS; never returns.
	 * @param reason why, for the submitter; not blank
	 * @throws TransactionAbortRequest always, which the runtime turns into the abort
	 */
	public static void abort(String reason) {
		throw new TransactionAbortRequest(reason);
	}

	/**
	 * Aborts the running transaction in every VMS when a condition holds, so a business rule reads as one line.
	 * @param condition whether to abort
	 * @param reason why, for the submitter; not blank
	 * @throws TransactionAbortRequest if the condition holds
	 */
	public static void abortIf(boolean condition, String reason) {
		if (condition) {
			abort(reason);
		}
	}

}
