package dev.vmodb.autoconfigure.metrics;

import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.vmodb.core.monitor.CoordinatorStatus;
import dev.vmodb.kafka.KafkaNode;

/**
 * Gauges over what the application's roles answer when asked: submissions pending and waiting for the log, the
 * coordinator's undecided batches, each hosted VMS's checkpoint backlog and replay, and the reader's lag per
 * partition. Every gauge reads the node's status methods, which answer at once without waiting for the log.
 *
 * <p>The gauges hold the node strongly (Micrometer's gauges otherwise hold a weak reference and would read
 * {@code NaN} once it was collected); it lives as long as the application anyway.
 */
public final class EngineStatusMeters implements MeterBinder {

	private final KafkaNode node;

	/**
	 * Creates the gauges' source.
	 * @param node the application's roles, never {@code null}
	 */
	public EngineStatusMeters(KafkaNode node) {
		this.node = node;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("vmodb.client.pending", this.node, node -> node.clientStatus().pending())
			.description("Submissions of this application without an outcome yet")
			.baseUnit("transactions")
			.strongReference(true)
			.register(registry);
		Gauge.builder("vmodb.client.waiting", this.node, node -> node.clientStatus().waitingForLog())
			.description("Submissions of this application the log has not acknowledged yet")
			.baseUnit("transactions")
			.strongReference(true)
			.register(registry);
		if (this.node.coordinates()) {
			Gauge.builder("vmodb.batches.undecided", this.node, EngineStatusMeters::undecidedBatches)
				.description("Sealed batches without a commit decision (NaN until the coordinator runs)")
				.baseUnit("batches")
				.strongReference(true)
				.register(registry);
		}
		// the hosted VMSs and the partitions the node reads are known when the node is built
		for (String vms : this.node.vmsStatuses().keySet()) {
			Gauge.builder("vmodb.checkpoint.behind", this.node, node -> node.vmsStatus(vms).batchesBehindCheckpoint())
				.description("Committed batches not yet written to the VMS's database")
				.tag("vms", vms)
				.baseUnit("batches")
				.strongReference(true)
				.register(registry);
			Gauge.builder("vmodb.vms.replaying", this.node, node -> node.replaying(vms) ? 1 : 0)
				.description("1 while the VMS replays the log written before this application started, else 0")
				.tag("vms", vms)
				.strongReference(true)
				.register(registry);
		}
		new LogLagGauges(this.node, registry).bind();
	}

	private static double undecidedBatches(KafkaNode node) {
		Optional<CoordinatorStatus> status = node.coordinatorStatus();
		return status.isPresent() ? status.get().undecidedBatches() : Double.NaN;
	}

}
