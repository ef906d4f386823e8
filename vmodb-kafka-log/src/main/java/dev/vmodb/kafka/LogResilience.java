package dev.vmodb.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How the log rides out failures of the Kafka cluster.
 *
 * @param ackTimeout how long a write may wait for the cluster's acknowledgement before the log counts as
 * unavailable; from then on submissions fail at once with a
 * {@link dev.vmodb.core.api.LogUnavailableException} until the cluster acknowledges writes again
 * @param deliveryTimeout how long the producer keeps retrying a write (and waits for metadata or buffer space)
 * before it fails it: the longest outage a running application rides out without losing a record
 * @param startupTimeout how long start-up waits for the cluster to answer before it fails, naming the cluster
 * @param maxRetryBackoff the longest pause between two retries of a failed call (producer retries and reconnects,
 * consumers after an error, start-up calls); pauses grow exponentially up to it
 */
public record LogResilience(Duration ackTimeout, Duration deliveryTimeout, Duration startupTimeout,
		Duration maxRetryBackoff) {

	public LogResilience {
		requirePositive(ackTimeout, "ackTimeout");
		requirePositive(deliveryTimeout, "deliveryTimeout");
		requirePositive(startupTimeout, "startupTimeout");
		requirePositive(maxRetryBackoff, "maxRetryBackoff");
		if (deliveryTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("The delivery timeout must be at least 1 s, got " + deliveryTimeout);
		}
	}

	/**
	 * The defaults: a log silent for 10 s is unavailable; outages up to an hour are ridden out; start-up waits
	 * 30 s for the cluster; retries back off up to 1 s (Kafka's own default).
	 * @return the defaults
	 */
	public static LogResilience defaults() {
		return new LogResilience(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(30),
				Duration.ofSeconds(1));
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
	}

}
