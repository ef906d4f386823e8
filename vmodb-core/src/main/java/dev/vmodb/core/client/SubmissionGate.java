package dev.vmodb.core.client;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.vmodb.core.api.LogUnavailableException;
import dev.vmodb.core.log.LogHealth;

/**
 * Admits submissions while the log takes writes, and bounds how many accepted submissions wait for the log's
 * acknowledgement. A submission counts from its admission until the log acknowledges (or refuses) the input record
 * holding it; while the log is down those are exactly the submissions that pile up, so the bound caps the memory an
 * outage can take, and {@link LogHealth} makes submitters fail at once instead of filling the bound first.
 */
public final class SubmissionGate {

	/** Default bound on submissions waiting for the log: far above what a healthy log holds (milliseconds' worth). */
	public static final int DEFAULT_MAX_WAITING = 100_000;

	private static final String NOT_ACCEPTED = "This submission was not accepted and nothing was logged: submit it "
			+ "again once the log is back.";

	private final LogHealth health;

	private final int maxWaiting;

	private final AtomicInteger waiting = new AtomicInteger();

	/**
	 * Creates a gate.
	 * @param health the log's health
	 * @param maxWaiting how many accepted submissions may wait for the log at most
	 */
	public SubmissionGate(LogHealth health, int maxWaiting) {
		if (maxWaiting < 1) {
			throw new IllegalArgumentException("At least one submission must be allowed to wait for the log, got "
					+ maxWaiting);
		}
		this.health = health;
		this.maxWaiting = maxWaiting;
	}

	/**
	 * A gate that only bounds waiting submissions, for a log that does not report its health.
	 * @return a new gate
	 */
	static SubmissionGate unchecked() {
		return new SubmissionGate(LogHealth.ALWAYS_AVAILABLE, DEFAULT_MAX_WAITING);
	}

	/**
	 * Admits one submission, which then waits until {@link #leave(int)}.
	 * @throws LogUnavailableException if the log does not take writes now or too many submissions wait for it;
	 * nothing is counted then
	 */
	public void enter() {
		// the log's state first: during an outage it says more than a full queue, which is only its consequence
		Optional<String> refusal = this.health.admit();
		if (refusal.isPresent()) {
			int waitingNow = this.waiting.get();
			throw new LogUnavailableException(String.format("The event log %s; %,d accepted submission(s) are waiting "
					+ "for it. %s %s", refusal.get(), waitingNow, NOT_ACCEPTED, this.health.advice()),
					this.health.unacknowledgedMillis(), waitingNow, false, null);
		}
		int before = this.waiting.getAndIncrement();
		if (before >= this.maxWaiting) {
			this.waiting.decrementAndGet();
			long silent = this.health.unacknowledgedMillis();
			throw new LogUnavailableException(String.format("The event log has not yet acknowledged %,d accepted "
					+ "submissions, the most that may wait for it (vmodb.client.max-waiting); its oldest pending write "
					+ "has waited %,d ms. %s %s", before, silent, NOT_ACCEPTED, this.health.advice()), silent, before,
					false, null);
		}
	}

	/**
	 * Ends the wait of submissions the log has acknowledged or refused.
	 * @param count how many
	 */
	public void leave(int count) {
		this.waiting.addAndGet(-count);
	}

	/**
	 * How many accepted submissions wait for the log.
	 * @return the count
	 */
	public int waiting() {
		return this.waiting.get();
	}

	/**
	 * The failure for accepted submissions whose input record the log refused.
	 * @param cause the log's failure
	 * @return an exception saying the transaction is in doubt
	 */
	public LogUnavailableException writeFailed(Throwable cause) {
		return new LogUnavailableException("The event log did not acknowledge the input record holding this "
				+ "submission (" + cause + "). Its outcome is in doubt: the record may have reached the log before the "
				+ "failure was reported, so the transaction may still commit. " + this.health.advice(),
				this.health.unacknowledgedMillis(), this.waiting.get(), true, cause);
	}

}
