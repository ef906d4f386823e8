package dev.vmodb.core.api;

import java.time.Instant;
import java.util.random.RandomGenerator;

import dev.vmodb.core.tx.TransactionContext;

/**
 * What a handler may ask of the transaction it runs in: to abort it, and its time and random source.
 *
 * <p>Handlers must be deterministic: a transaction runs again after an abort of one it read from, and again when a
 * VMS replays the log after a crash, and every run must do the same. So a handler must not read the system clock
 * or an unseeded random source; {@link #now()} and {@link #random()} give it a time and random values that are the
 * same in every run of its transaction.
 *
 * <p>Abort: a handler aborts the transaction it runs in, for example when an order asks for more stock than there
 * is.
 *
 * <p>Aborting is all or nothing: the <em>whole</em> transaction aborts, in every VMS it touches, not only the
 * handler that asked. No VMS keeps any of its writes, the handlers after this one do not run, and the submitter's
 * future completes exceptionally with a {@link TransactionAbortedException} naming this VMS and handler and
 * carrying the reason given here as it stands. Any other exception a handler throws aborts the transaction the
 * same way, with the exception's class name before its message; an abort through this class says the failure is
 * expected, not a bug.
 *
 * <p>Call it only from a handler ({@link Inbound}) while it runs. Like everything a handler does, the decision
 * must be deterministic: it may depend on the event, on what the handler reads and on {@link #now()} and
 * {@link #random()}, nothing else.
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

	/**
	 * The running transaction's time: when the coordinator sealed its batch. It is the same for every handler of
	 * every transaction of the batch and in every run (the first, a re-run after an abort, a replay after a crash),
	 * and it never goes backwards from one batch to the next while one coordinator's log is continued. It is the
	 * coordinator's wall clock, so it lags the real time of a handler by up to a batch's window and run time.
	 * @return the batch's sealing time, to the millisecond
	 * @throws IllegalStateException outside a handler
	 */
	public static Instant now() {
		return running("now()").time();
	}

	/**
	 * The running handler's random source, seeded from the transaction's id and the handler: every run of this
	 * handler in this transaction draws the same sequence, and other transactions and handlers draw unrelated ones.
	 * Calls within one handler run return the same generator, so consecutive draws continue its sequence. Not for
	 * secrets: the values are predictable from the TID.
	 * @return the generator, for this handler run only (not thread-safe; do not keep it)
	 * @throws IllegalStateException outside a handler
	 */
	public static RandomGenerator random() {
		return running("random()").random();
	}

	private static TransactionContext running(String what) {
		TransactionContext tx = TransactionContext.current();
		if (tx == null) {
			throw new IllegalStateException("VmsTransaction." + what + " is only available in a handler (@Inbound) "
					+ "while it runs, on the thread that runs it");
		}
		return tx;
	}

}
