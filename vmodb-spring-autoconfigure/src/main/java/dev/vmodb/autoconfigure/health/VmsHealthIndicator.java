package dev.vmodb.autoconfigure.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.vmodb.core.monitor.VmsStatus;
import dev.vmodb.kafka.KafkaNode;

/**
 * Whether one VMS serves current state: out of service while it replays what was logged before the application
 * started; down when it can no longer make progress, its checkpoints fail, or the reader feeding it stopped.
 */
final class VmsHealthIndicator implements HealthIndicator {

	private final KafkaNode node;

	private final String vms;

	VmsHealthIndicator(KafkaNode node, String vms) {
		this.node = node;
		this.vms = vms;
	}

	@Override
	public Health health() {
		VmsStatus status = this.node.vmsStatus(this.vms);
		boolean replaying = this.node.replaying(this.vms);
		boolean readersAlive = this.node.readersAlive();
		Health.Builder health;
		if (status.stalled() != null || status.checkpointFailures() > 0 || !readersAlive) {
			health = Health.down();
		}
		else if (replaying) {
			health = Health.outOfService();
		}
		else {
			health = Health.up();
		}
		health.withDetail("replaying", replaying)
			.withDetail("lastAppliedTid", status.lastAppliedTid())
			.withDetail("committedBatch", status.committedBatch())
			.withDetail("checkpointedBatch", status.checkpointedBatch())
			.withDetail("readersAlive", readersAlive);
		if (status.stalled() != null) {
			health.withDetail("stalled", status.stalled());
		}
		if (status.checkpointFailures() > 0) {
			health.withDetail("checkpointFailures", status.checkpointFailures())
				.withDetail("lastCheckpointFailure", status.lastCheckpointFailure());
		}
		return health.build();
	}

}
