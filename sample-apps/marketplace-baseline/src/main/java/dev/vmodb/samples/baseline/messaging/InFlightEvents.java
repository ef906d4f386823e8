package dev.vmodb.samples.baseline.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Counts the events published and not yet handled by their consumers in this JVM, so that the audit's snapshot can
 * wait until the eventually consistent flows have settled. (Across JVMs one would compare the consumer groups'
 * committed offsets with the topics' end offsets; in one JVM the count is exact and cheaper.)
 */
@Component
public class InFlightEvents {

	private static final long POLL_MILLIS = 5;

	private final AtomicLong pending = new AtomicLong();

	void published() {
		this.pending.incrementAndGet();
	}

	void handled() {
		this.pending.decrementAndGet();
	}

	/** Events published and not yet handled (or given up on) by every consumer. */
	public long pending() {
		return this.pending.get();
	}

	/**
	 * Waits until no event is in flight.
	 * @param timeout how long to wait at most
	 * @return whether none was in flight in time
	 */
	public boolean awaitSettled(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.pending.get() > 0) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

}
