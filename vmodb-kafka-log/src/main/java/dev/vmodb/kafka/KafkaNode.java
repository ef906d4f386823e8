package dev.vmodb.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.client.SubmissionGate;
import dev.vmodb.core.client.TransactionClient;
import dev.vmodb.core.coordinator.BatchCoordinator;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.runtime.VmsExecutor;
import dev.vmodb.core.runtime.VmsRuntime;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.VmsManifest;

/**
 * The vMODB roles of one application, connected through Kafka: its VMSs' executors, its transaction client and,
 * when it holds that role, the coordinator. The application shares one producer and one consumer (reading every
 * log channel it needs) among all its roles.
 *
 * <p>Start-up: create the missing topics, register the hosted VMSs' manifests, and, as coordinator, wait for the
 * expected VMSs to register, derive and validate the topology (a bad one fails start-up here), read the control
 * log to take over numbering and unfinished batches from an earlier coordinator, and announce the topology.
 * Then the reader starts: the control log feeds the executors and then the client (so a transaction's
 * future completes only after its batch is visible in this application's VMSs), each VMS's event log feeds its
 * executor, and the input and done logs feed the coordinator.
 */
public final class KafkaNode implements AutoCloseable {

	private static final Logger logger = Logger.getLogger(KafkaNode.class.getName());

	private final KafkaLogSettings settings;

	private final TopicLayout layout;

	private final KafkaLogWriter writer;

	private final Map<String, VmsExecutor> executors = new LinkedHashMap<>();

	private final TransactionClient client;

	private final List<LogPump> pumps = new ArrayList<>();

	/** Where the coordinator reads the input log from: after the batches its predecessors sealed. */
	private final Map<TopicPartition, Long> inputStart = new HashMap<>();

	private BatchCoordinator coordinator;

	private Topology topology;

	private KafkaNode(KafkaLogSettings settings, NodeSettings node, List<VmsRuntime> runtimes,
			Map<String, Class<?>> eventTypes) {
		this.settings = settings;
		this.layout = new TopicLayout(settings.topicPrefix());
		this.writer = new KafkaLogWriter(settings, this.layout, settings.topicPrefix() + "-producer");
		for (VmsRuntime runtime : runtimes) {
			this.executors.put(runtime.name(), new VmsExecutor(runtime, this.writer, node.maxDeliveriesPerRecord()));
		}
		this.client = new TransactionClient(this.writer, eventTypes, node.maxSubmissionsPerRecord(),
				node.topologyTimeout().toMillis());
		this.client.admitThrough(new SubmissionGate(this.writer.health(), node.maxWaitingSubmissions()));
	}

	/**
	 * Connects an application's VMSs to the log and starts its roles.
	 * @param settings the log
	 * @param node the application's roles
	 * @param runtimes the VMSs it hosts
	 * @param eventTypes the record type of every event its VMSs declare
	 * @return the started node
	 */
	public static KafkaNode start(KafkaLogSettings settings, NodeSettings node, List<VmsRuntime> runtimes,
			Map<String, Class<?>> eventTypes) {
		KafkaNode started = new KafkaNode(settings, node, runtimes, eventTypes);
		try {
			started.connect(node, runtimes);
			return started;
		}
		catch (RuntimeException ex) {
			started.close();
			throw ex;
		}
	}

	private void connect(NodeSettings node, List<VmsRuntime> runtimes) {
		try (Admin admin = Admin.create(StartupCalls.adminConfig(this.settings))) {
			new TopicProvisioner(admin, this.settings).provision(this.layout, this.executors.keySet());
		}
		List<CompletableFuture<Void>> registered = new ArrayList<>();
		for (VmsRuntime runtime : runtimes) {
			registered.add(this.writer.register(runtime.name(), ProtocolCodec.encode(VmsManifest.of(runtime.definition()))));
		}
		await(CompletableFuture.allOf(registered.toArray(CompletableFuture[]::new)), "registering the VMSs");
		if (node.coordinator()) {
			Set<String> expected = new TreeSet<>(node.expectedVms());
			expected.addAll(this.executors.keySet());
			Map<String, VmsManifest> manifests = new RegistryReader(this.settings, this.layout)
				.await(expected, node.registrationTimeout());
			this.topology = Topology.of(manifests.values());
			this.coordinator = new BatchCoordinator(this.topology, node.batchPolicy(), this.writer,
					node.maxDeliveriesPerRecord(), node.idempotencyKeysRetained());
			List<ControlRecord> history = PartitionReader
				.readToEnd(this.settings, new TopicPartition(this.layout.control(), 0))
				.stream()
				.map(ProtocolCodec::decodeControl)
				.toList();
			this.coordinator.resume(history)
				.forEach((partition, offset) -> this.inputStart.put(new TopicPartition(this.layout.input(), partition), offset));
			await(this.coordinator.start(), "announcing the topology");
			logger.info(() -> "vMODB coordinator started for VMSs " + manifests.keySet() + " on " + this.layout.prefix());
		}
		startPumps();
	}

	/**
	 * One consumer reads every channel this application needs: control, its VMSs' event logs and, as coordinator,
	 * input and done. Each record goes to the role its topic names, in order within its partition (the only order
	 * the roles rely on; no handler waits for another channel). One consumer instead of one per channel sends one
	 * fetch where four went, and a fetch that returns picks up whatever arrived on any channel meanwhile.
	 */
	private void startPumps() {
		String prefix = this.settings.topicPrefix();
		List<TopicPartition> partitions = new ArrayList<>();
		Map<TopicPartition, Long> starts = new HashMap<>();
		Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> byTopic = new HashMap<>();
		TopicPartition control = new TopicPartition(this.layout.control(), 0);
		partitions.add(control);
		starts.put(control, resumeControl(control));
		byTopic.put(control.topic(), record -> {
			ControlRecord decoded = ProtocolCodec.decodeControl(record.value());
			this.executors.forEach((vms, executor) -> applyControl(vms, executor, decoded, record.offset()));
			this.client.onControl(decoded);
		});
		this.executors.forEach((vms, executor) -> {
			TopicPartition events = new TopicPartition(this.layout.events(vms), 0);
			partitions.add(events);
			starts.put(events, executor.restored().resume().eventsOffset());
			byTopic.put(events.topic(),
					record -> executor.onEvents(ProtocolCodec.decodeEvents(record.value()), record.offset()));
		});
		if (this.coordinator != null) {
			BatchCoordinator sequencer = this.coordinator;
			for (int p = 0; p < this.settings.inputPartitions(); p++) {
				partitions.add(new TopicPartition(this.layout.input(), p));
			}
			starts.putAll(this.inputStart);
			byTopic.put(this.layout.input(), record -> sequencer.onInput(record.partition(), record.offset(),
					ProtocolCodec.decodeSubmissions(record.value())));
			TopicPartition done = new TopicPartition(this.layout.done(), 0);
			partitions.add(done);
			byTopic.put(done.topic(), record -> sequencer.onDone(ProtocolCodec.decodeDone(record.value())));
		}
		this.pumps.add(new LogPump(prefix + "-reader", this.settings, partitions, starts,
				record -> byTopic.get(record.topic()).accept(record)));
		this.pumps.forEach(LogPump::start);
	}

	/**
	 * One VMS failing to apply a control record is a bug in it, not in its neighbours: they and the client still get
	 * the record, so the failure stops one VMS (loudly), not the whole application.
	 */
	private static void applyControl(String vms, VmsExecutor executor, ControlRecord record, long offset) {
		try {
			executor.onControl(record, offset);
		}
		catch (RuntimeException ex) {
			logger.log(Level.SEVERE, "VMS '" + vms + "' cannot apply control record " + offset + " (" + record
					+ "); it stops making progress until restarted", ex);
		}
	}

	/**
	 * Where the control log is read from: the earliest resume point of the hosted VMSs' checkpoints (the beginning
	 * without VMSs, or for a VMS without one). A VMS resuming after the topology was announced gets that record first,
	 * and so does the client.
	 */
	private long resumeControl(TopicPartition control) {
		if (this.executors.isEmpty()) {
			return 0;
		}
		long from = Long.MAX_VALUE;
		// the VMSs of one application normally name the same announcement: read each one once
		TreeMap<Long, ControlRecord> announcements = new TreeMap<>();
		for (Map.Entry<String, VmsExecutor> hosted : this.executors.entrySet()) {
			VmsExecutor executor = hosted.getValue();
			Checkpoint restored = executor.restored();
			ResumePoint resume = restored.resume();
			if (restored.state().batch() > 0) {
				logger.info(() -> "VMS '" + hosted.getKey() + "' resumes after its checkpoint of batch "
						+ restored.state().batch() + ": control log from offset " + resume.controlOffset()
						+ ", its event log from offset " + resume.eventsOffset());
			}
			from = Math.min(from, resume.controlOffset());
			if (resume.topologyOffset() >= 0) {
				long offset = resume.topologyOffset();
				executor.onControl(announcements.computeIfAbsent(offset,
						at -> ProtocolCodec.decodeControl(PartitionReader.readAt(this.settings, control, at))), offset);
			}
		}
		if (!announcements.isEmpty() && announcements.lastKey() < from) {
			this.client.onControl(announcements.lastEntry().getValue());
		}
		return from;
	}

	private static void await(CompletableFuture<Void> future, String what) {
		try {
			future.get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + what, ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Failed " + what + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The client that submits this application's transactions.
	 * @return the client
	 */
	public TransactionClient client() {
		return this.client;
	}

	/**
	 * What the coordinator has counted of aborts and re-runs, when this application is the coordinator.
	 * @return the statistics, or empty in an application that does not coordinate
	 */
	public java.util.Optional<dev.vmodb.core.coordinator.AbortStatistics> abortStatistics() {
		return java.util.Optional.ofNullable(this.coordinator).map(BatchCoordinator::statistics);
	}

	/**
	 * The topology this application coordinates, when it is the coordinator.
	 * @return the topology, or {@code null}
	 */
	public Topology topology() {
		return this.topology;
	}

	@Override
	public void close() {
		this.client.close();
		this.pumps.forEach(LogPump::close);
		if (this.coordinator != null) {
			this.coordinator.close();
		}
		this.writer.close();
	}

}
