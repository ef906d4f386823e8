package dev.vmodb.kafka;

import java.time.Duration;
import java.util.Set;

import dev.vmodb.core.client.SubmissionGate;
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
 * @param maxWaitingSubmissions how many accepted submissions may wait for the log's acknowledgement; more are
 * refused with a {@link dev.vmodb.core.api.LogUnavailableException}
 * @param idempotencyKeysRetained how many idempotency keys (the latest) the coordinator answers repeats of
 */
public record NodeSettings(boolean coordinator, Set<String> expectedVms, Duration registrationTimeout,
		BatchPolicy batchPolicy, int maxDeliveriesPerRecord, int maxSubmissionsPerRecord, Duration topologyTimeout,
		int maxWaitingSubmissions, int idempotencyKeysRetained) {

	public NodeSettings {
		expectedVms = Set.copyOf(expectedVms);
		if (maxDeliveriesPerRecord < 1 || maxSubmissionsPerRecord < 1) {
			throw new IllegalArgumentException("Records must carry at least one event");
		}
		if (maxWaitingSubmissions < 1) {
			throw new IllegalArgumentException("At least one submission must be allowed to wait for the log, got "
					+ maxWaitingSubmissions);
		}
		if (idempotencyKeysRetained < 0) {
			throw new IllegalArgumentException("The number of idempotency keys retained must not be negative, got "
					+ idempotencyKeysRetained);
		}
	}

	/**
	 * Settings whose coordinator retains the default number of idempotency keys.
	 * @param coordinator whether this application coordinates
	 * @param expectedVms the VMSs the coordinator waits for
	 * @param registrationTimeout how long it waits for them
	 * @param batchPolicy when batches are sealed
	 * @param maxDeliveriesPerRecord events packed into one record at most
	 * @param maxSubmissionsPerRecord submissions packed into one input record at most
	 * @param topologyTimeout how long a submission waits for the topology at start-up
	 * @param maxWaitingSubmissions how many accepted submissions may wait for the log's acknowledgement
	 */
	public NodeSettings(boolean coordinator, Set<String> expectedVms, Duration registrationTimeout,
			BatchPolicy batchPolicy, int maxDeliveriesPerRecord, int maxSubmissionsPerRecord, Duration topologyTimeout,
			int maxWaitingSubmissions) {
		this(coordinator, expectedVms, registrationTimeout, batchPolicy, maxDeliveriesPerRecord, maxSubmissionsPerRecord,
				topologyTimeout, maxWaitingSubmissions, BatchCoordinator.DEFAULT_IDEMPOTENCY_KEYS_RETAINED);
	}

	/**
	 * Settings with the default bound on submissions waiting for the log and the default number of idempotency
	 * keys retained.
	 * @param coordinator whether this application coordinates
	 * @param expectedVms the VMSs the coordinator waits for
	 * @param registrationTimeout how long it waits for them
	 * @param batchPolicy when batches are sealed
	 * @param maxDeliveriesPerRecord events packed into one record at most
	 * @param maxSubmissionsPerRecord submissions packed into one input record at most
	 * @param topologyTimeout how long a submission waits for the topology at start-up
	 */
	public NodeSettings(boolean coordinator, Set<String> expectedVms, Duration registrationTimeout,
			BatchPolicy batchPolicy, int maxDeliveriesPerRecord, int maxSubmissionsPerRecord, Duration topologyTimeout) {
		this(coordinator, expectedVms, registrationTimeout, batchPolicy, maxDeliveriesPerRecord, maxSubmissionsPerRecord,
				topologyTimeout, SubmissionGate.DEFAULT_MAX_WAITING);
	}

	public static NodeSettings defaults() {
		return new NodeSettings(true, Set.of(), Duration.ofSeconds(60), BatchPolicy.defaults(), 4096, 1024,
				Duration.ofSeconds(60));
	}

}
