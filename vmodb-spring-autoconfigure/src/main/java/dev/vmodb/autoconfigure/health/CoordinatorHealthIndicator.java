package dev.vmodb.autoconfigure.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.vmodb.core.monitor.CoordinatorStatus;
import dev.vmodb.kafka.KafkaNode;

/**
 * Whether this application's coordinator runs and can make progress.
 */
final class CoordinatorHealthIndicator implements HealthIndicator {

	private final KafkaNode node;

	CoordinatorHealthIndicator(KafkaNode node) {
		this.node = node;
	}

	@Override
	public Health health() {
		CoordinatorStatus status = this.node.coordinatorStatus().orElse(null);
		if (status == null) {
			return Health.outOfService().withDetail("state", "not started").build();
		}
		Health.Builder health = (status.stalled() != null) ? Health.down().withDetail("stalled", status.stalled())
				: Health.up();
		return health.withDetail("lastSealedBatch", status.lastSealedBatch())
			.withDetail("lastCommittedBatch", status.lastCommittedBatch())
			.withDetail("undecidedBatches", status.undecidedBatches())
			.build();
	}

}
