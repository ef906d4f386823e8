package dev.vmodb.core.coordinator;

import java.time.Duration;

/**
 * When the coordinator seals a batch.
 *
 * @param window the time after a batch's first transaction at which it is sealed
 * @param maxSize the number of transactions at which it is sealed early
 */
public record BatchPolicy(Duration window, int maxSize) {

	public BatchPolicy {
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("batch window must be positive, got " + window);
		}
		if (maxSize < 1) {
			throw new IllegalArgumentException("batch size must be at least 1, got " + maxSize);
		}
	}

	public static BatchPolicy defaults() {
		return new BatchPolicy(Duration.ofMillis(5), 10_000);
	}

}
