package dev.vmodb.autoconfigure.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.vmodb.kafka.KafkaNode;
import dev.vmodb.kafka.LogState;

/**
 * Whether the log takes this application's writes (its circuit breaker is closed and no protocol record was lost)
 * and the application's reader threads run.
 */
final class LogHealthIndicator implements HealthIndicator {

	private final KafkaNode node;

	LogHealthIndicator(KafkaNode node) {
		this.node = node;
	}

	@Override
	public Health health() {
		LogState state = this.node.logState();
		boolean readersAlive = this.node.readersAlive();
		Health.Builder health = (state.takesWrites() && readersAlive) ? Health.up() : Health.down();
		health.withDetail("breaker", state.breaker())
			.withDetail("unacknowledgedMillis", state.unacknowledgedMillis())
			.withDetail("waitingWrites", state.waitingWrites())
			.withDetail("readersAlive", readersAlive);
		if (state.lostRecord() != null) {
			health.withDetail("lostRecord", state.lostRecord());
		}
		return health.build();
	}

}
