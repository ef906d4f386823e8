package dev.vmodb.kafka;

import java.time.Duration;
import java.util.Set;

import dev.vmodb.core.coordinator.BatchCoordinator;
import dev.vmodb.core.coordinator.BatchPolicy;

/**
 * What roles an application plays besides running its VMSs, and how.
 *
 * @param coordinator whether this application sequences and commits batches (exactly one per log)
 * @param expectedVms the VMSs the coordinator waits for in the registry before it derives the topology (the
 * application's own VMSs are always included)
 * @param registrationTimeout how long the coordinator waits for them
 * @param batchPolicy when the coordinator seals a batch
 * @param maxDeliveriesPerRecord events packed into one log record at most
 * @param maxSubmissionsPerRecord submissions packed into one input record at most
 * @param topologyTimeout how long a submission waits for the topology at start-up
 * @param idempotencyKeysRetained how many idempotency keys (the latest) the coordinator answers repeats of
 */
public record NodeSettings(boolean coordinator, Set<String> expectedVms, Duration registrationTimeout,
		BatchPolicy batchPolicy, int maxDeliveriesPerRecord, int maxSubmissionsPerRecord, Duration topologyTimeout,
		int idempotencyKeysRetained) {

	public NodeSettings {
		expectedVms = Set.copyOf(expectedVms);
		if (maxDeliveriesPerRecord < 1 || maxSubmissionsPerRecord < 1) {
			throw new IllegalArgumentException("Records must carry at least one event");
		}
		if (idempotencyKeysRetained < 0) {
			throw new IllegalArgumentException("The number of idempotency keys retained must not be negative, got "
					+ idempotencyKeysRetained);
		}
	}

	/**
	 * Settings whose coordinator retains the default number of idempotency keys.
	 * @param coordinator whether this application sequences and commits batches
	 * @param expectedVms the VMSs the coordinator waits for
	 * @param registrationTimeout how long the coordinator waits for them
	 * @param batchPolicy when the coordinator seals a batch
	 * @param maxDeliveriesPerRecord events packed into one log record at most
	 * @param maxSubmissionsPerRecord submissions packed into one input record at most
	 * @param topologyTimeout how long a submission waits for the topology at start-up
	 */
	public NodeSettings(boolean coordinator, Set<String> expectedVms, Duration registrationTimeout,
			BatchPolicy batchPolicy, int maxDeliveriesPerRecord, int maxSubmissionsPerRecord, Duration topologyTimeout) {
		this(coordinator, expectedVms, registrationTimeout, batchPolicy, maxDeliveriesPerRecord,
				maxSubmissionsPerRecord, topologyTimeout, BatchCoordinator.DEFAULT_IDEMPOTENCY_KEYS_RETAINED);
	}

	public static NodeSettings defaults() {
		return new NodeSettings(true, Set.of(), Duration.ofSeconds(60), BatchPolicy.defaults(), 4096, 1024,
				Duration.ofSeconds(60));
	}

}
