package dev.vmodb.core.api;

/**
 * Tells a submitter that the event log cannot take its transaction now: the log has stopped acknowledging writes
 * (a broker outage, a network partition), or too many submissions are already waiting for it.
 *
 * <p>Thrown by {@link VmsClient#submit} itself, at once, instead of queuing without bound: the transaction was not
 * accepted, nothing was logged and no transaction id was spent, so submitting it again later is safe. The message
 * says how long the log has been silent, how many submissions wait for it and what to check.
 *
 * <p>A future returned earlier completes exceptionally with this exception only when the log finally refused its
 * write (after {@code vmodb.kafka.delivery-timeout}); such a transaction is <em>in doubt</em>: the write may have
 * reached the log before the failure was reported, so it may still commit (see {@link #inDoubt()}).
 */
public class LogUnavailableException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final long unacknowledgedMillis;

	private final int waitingSubmissions;

	private final boolean inDoubt;

	/**
	 * Creates an exception.
	 * @param message what happened and what to check
	 * @param unacknowledgedMillis how long the oldest write still waiting for the log has waited, in milliseconds
	 * @param waitingSubmissions how many accepted submissions wait for the log to acknowledge them
	 * @param inDoubt whether the transaction was accepted and may still commit
	 * @param cause the log's failure, or {@code null}
	 */
	public LogUnavailableException(String message, long unacknowledgedMillis, int waitingSubmissions, boolean inDoubt,
			Throwable cause) {
		super(message, cause);
		this.unacknowledgedMillis = unacknowledgedMillis;
		this.waitingSubmissions = waitingSubmissions;
		this.inDoubt = inDoubt;
	}

	/**
	 * How long the log had left its oldest pending write unacknowledged when this was thrown.
	 * @return milliseconds; 0 if no write was waiting
	 */
	public long unacknowledgedMillis() {
		return this.unacknowledgedMillis;
	}

	/**
	 * How many accepted submissions were waiting for the log when this was thrown.
	 * @return the count
	 */
	public int waitingSubmissions() {
		return this.waitingSubmissions;
	}

	/**
	 * Whether the transaction had been accepted (a future failed with this exception) and may still commit: its
	 * write may have reached the log before the log's failure was reported. {@code false} when {@code submit}
	 * threw: nothing was logged.
	 * @return whether the outcome is unknown
	 */
	public boolean inDoubt() {
		return this.inDoubt;
	}

}
