package dev.vmodb.autoconfigure.actuate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.vmodb.autoconfigure.VmodbRoles;
import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.core.coordinator.AbortStatistics;
import dev.vmodb.core.monitor.ClientStatus;
import dev.vmodb.core.monitor.CoordinatorStatus;
import dev.vmodb.core.runtime.VmsRuntime;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.kafka.KafkaNode;
import dev.vmodb.kafka.LogState;

/**
 * The {@code vmodb} endpoint: the application's roles, VMSs, transaction DAGs, batches, log and aborts at
 * {@code /actuator/vmodb}, one VMS at {@code /actuator/vmodb/{vms}}. Every figure comes from a status the roles
 * answer at once, so a request never waits for the log, even during an outage.
 */
@Endpoint(id = "vmodb", defaultAccess = Access.READ_ONLY)
public class VmodbEndpoint {

	/** How many places and causes of aborts the endpoint lists, most frequent first. */
	static final int TOP_ABORTS = 10;

	private final KafkaNode node;

	private final VmsRuntimes runtimes;

	private final VmodbRoles roles;

	public VmodbEndpoint(KafkaNode node, VmsRuntimes runtimes, VmodbRoles roles) {
		this.node = node;
		this.runtimes = runtimes;
		this.roles = roles;
	}

	@ReadOperation
	public VmodbDescriptor vmodb() {
		Map<String, VmsDescriptor> vms = new LinkedHashMap<>();
		this.runtimes.all().forEach(runtime -> vms.put(runtime.name(), describe(runtime)));
		return new VmodbDescriptor(this.node.topicPrefix(), roles(), vms, transactions(), batches(), log(), aborts());
	}

	@ReadOperation
	public VmsDescriptor vms(@Selector String vms) {
		VmsRuntime runtime = this.runtimes.all().stream().filter(candidate -> candidate.name().equals(vms)).findFirst()
			.orElse(null);
		// null answers 404, as Boot's endpoints do for an unknown selector
		return (runtime != null) ? describe(runtime) : null;
	}

	private VmsDescriptor describe(VmsRuntime runtime) {
		return VmsDescriptor.of(runtime, this.node.vmsStatus(runtime.name()), this.node.replaying(runtime.name()));
	}

	private VmodbDescriptor.Roles roles() {
		FailureAnalysis failure = this.roles.failure();
		return new VmodbDescriptor.Roles(this.roles.state().name(), this.node.coordinates(),
				(failure != null) ? failure.getDescription() : null);
	}

	private Map<String, TransactionDescriptor> transactions() {
		Map<String, TransactionDescriptor> transactions = new LinkedHashMap<>();
		Topology topology = this.node.topology();
		if (topology != null) {
			topology.inputEvents()
				.forEach(event -> transactions.put(event, TransactionDescriptor.of(topology.plan(event))));
		}
		return transactions;
	}

	private VmodbDescriptor.Batches batches() {
		ClientStatus client = this.node.clientStatus();
		CoordinatorStatus coordinator = this.node.coordinatorStatus().orElse(null);
		long sealed = (coordinator != null) ? coordinator.lastSealedBatch() : client.lastSealedBatch();
		long committed = (coordinator != null) ? coordinator.lastCommittedBatch() : client.lastCommittedBatch();
		return new VmodbDescriptor.Batches(sealed, committed, Math.max(0, sealed - committed), client.pending(),
				client.waitingForLog());
	}

	private VmodbDescriptor.Log log() {
		LogState state = this.node.logState();
		return new VmodbDescriptor.Log(state.breaker(), state.unacknowledgedMillis(), state.waitingWrites(),
				state.lostRecord(), this.node.readersAlive(), this.node.logLag());
	}

	private VmodbDescriptor.Aborts aborts() {
		AbortStatistics statistics = this.node.abortStatistics().orElse(null);
		if (statistics == null) {
			return null;
		}
		List<VmodbDescriptor.AbortCount> top = statistics.aborts()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<AbortStatistics.Key, Long>comparingByValue(Comparator.reverseOrder()))
			.limit(TOP_ABORTS)
			.map(entry -> new VmodbDescriptor.AbortCount(entry.getKey().transaction(), entry.getKey().vms(),
					entry.getKey().handler(), entry.getKey().cause(), entry.getValue()))
			.toList();
		return new VmodbDescriptor.Aborts(statistics.abortCount(), statistics.reruns(), top);
	}

}
