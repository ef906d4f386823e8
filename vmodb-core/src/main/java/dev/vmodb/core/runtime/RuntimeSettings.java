package dev.vmodb.core.runtime;

import java.time.Duration;

/**
 * How a VMS runs.
 *
 * @param lanes threads for partitioned and parallel handlers
 * @param checkpointInterval time to coalesce committed batches over before writing them to the database; zero
 * writes after every batch
 */
public record RuntimeSettings(int lanes, Duration checkpointInterval) {

	public RuntimeSettings {
		if (lanes < 1) {
			throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
		}
		if (checkpointInterval.isNegative()) {
			throw new IllegalArgumentException("checkpoint interval must not be negative, got " + checkpointInterval);
		}
	}

	public static RuntimeSettings defaults() {
		return new RuntimeSettings(Math.max(2, Runtime.getRuntime().availableProcessors()), Duration.ofMillis(200));
	}

}
