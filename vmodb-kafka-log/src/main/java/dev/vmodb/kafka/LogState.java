package dev.vmodb.kafka;

/**
 * What an application's writes to the log look like at one moment.
 *
 * @param breaker the state of the circuit breaker that admits submissions ({@code CLOSED} while the log takes
 * writes; {@code OPEN} or {@code HALF_OPEN} during and just after an outage)
 * @param unacknowledgedMillis how long the oldest write still waiting has waited (0 when none waits)
 * @param waitingWrites writes handed to the producer and not acknowledged yet
 * @param lostRecord the failure of a protocol record the log refused for good (the application cannot make
 * progress until restarted), or {@code null}
 */
public record LogState(String breaker, long unacknowledgedMillis, int waitingWrites, String lostRecord) {

	/**
	 * Whether submissions are admitted as far as the breaker is concerned.
	 * @return whether it is closed and no protocol record was lost
	 */
	public boolean takesWrites() {
		return "CLOSED".equals(this.breaker) && this.lostRecord == null;
	}

}
