package dev.vmodb.core.coordinator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.vmodb.core.protocol.Abort;

/**
 * What the coordinator has counted of aborts since it started: aborted transactions per transaction type, place and
 * cause, and the re-runs that removed the effects of aborted transactions from their readers. Thread-safe; read it
 * any time (for metrics).
 */
public final class AbortStatistics {

	/** The longest cause kept: reasons carry values (keys, amounts) that would make every count its own. */
	private static final int MAX_CAUSE = 80;

	/** What an exception's (simple or qualified) type name looks like at the start of a reason. */
	private static final String EXCEPTION_TYPE = "[A-Za-z_$][\\w$.]*";

	private final Map<Key, LongAdder> aborts = new ConcurrentHashMap<>();

	private final LongAdder reruns = new LongAdder();

	private final LongAdder rerunTransactions = new LongAdder();

	void aborted(String transaction, Abort abort) {
		this.aborts.computeIfAbsent(new Key(transaction, abort.vms(), abort.handler(), causeOf(abort.reason())),
				key -> new LongAdder()).increment();
	}

	void rerun(long transactions) {
		this.reruns.increment();
		this.rerunTransactions.add(transactions);
	}

	/**
	 * The aborted transactions so far, per type, place and cause.
	 * @return the counts, sorted
	 */
	public Map<Key, Long> aborts() {
		Map<Key, Long> counts = new TreeMap<>();
		this.aborts.forEach((key, count) -> counts.put(key, count.sum()));
		return counts;
	}

	/**
	 * The number of aborted transactions so far.
	 * @return the sum of {@link #aborts()}
	 */
	public long abortCount() {
		return this.aborts.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * How many times a batch ran again because a transaction had seen a version of an aborted one.
	 * @return the number of re-run decisions
	 */
	public long reruns() {
		return this.reruns.sum();
	}

	/**
	 * How many transactions those re-runs executed again (each transaction counted once per re-run).
	 * @return the number
	 */
	public long rerunTransactions() {
		return this.rerunTransactions.sum();
	}

	/**
	 * The cause of a reason: the exception type of {@code "Type: message"} reasons, otherwise the reason itself
	 * (as an explicit abort gives it) with its numbers replaced by {@code #}, shortened.
	 */
	static String causeOf(String reason) {
		int colon = reason.indexOf(": ");
		// an explicit abort's reason names keys and amounts: counted without them, or every count is its own
		String cause = (colon > 0 && reason.substring(0, colon).matches(EXCEPTION_TYPE)) ? reason.substring(0, colon)
				: reason.replaceAll("\\d+", "#");
		return (cause.length() > MAX_CAUSE) ? cause.substring(0, MAX_CAUSE) + "…" : cause;
	}

	/**
	 * A bounded class of an abort's reason, for metric tags: the exception type of {@code "Type: message"} reasons,
	 * {@code rejected} when the coordinator rejected the transaction, {@code explicit} otherwise (a handler asked to
	 * abort, giving a reason of its own).
	 * @param abort the abort
	 * @return the class
	 */
	public static String reasonClassOf(Abort abort) {
		if (abort.vms().isEmpty()) {
			return "rejected";
		}
		String reason = abort.reason();
		int colon = reason.indexOf(": ");
		if (colon > 0 && reason.substring(0, colon).matches(EXCEPTION_TYPE)) {
			return reason.substring(0, colon);
		}
		// an exception without a message is reported by its type alone
		boolean bareType = reason.matches(EXCEPTION_TYPE) && (reason.endsWith("Exception") || reason.endsWith("Error"));
		return bareType ? reason : "explicit";
	}

	/**
	 * Where and why transactions aborted.
	 *
	 * @param transaction the transaction type: its input event ({@code ""} when the coordinator rejected it)
	 * @param vms the VMS where it failed ({@code ""} when the coordinator rejected it)
	 * @param handler the handler that failed ({@code ""} when the coordinator rejected it)
	 * @param cause the exception type, or the reason an explicit abort gave
	 */
	public record Key(String transaction, String vms, String handler, String cause) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			return toString().compareTo(other.toString());
		}

		@Override
		public String toString() {
			return this.transaction + " @ " + this.vms + "." + this.handler + ": " + this.cause;
		}

	}

}
