package dev.vmodb.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.client.SubmissionGate;
import dev.vmodb.core.client.TransactionClient;
import dev.vmodb.core.coordinator.AbortStatistics;
import dev.vmodb.core.coordinator.BatchCoordinator;
import dev.vmodb.core.monitor.ClientStatus;
import dev.vmodb.core.monitor.CoordinatorStatus;
import dev.vmodb.core.monitor.EngineListener;
import dev.vmodb.core.monitor.VmsStatus;
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
 *
 * <p>{@link #create} builds the roles without touching the log; {@link #connect()} does all of the above, so a
 * container can create the node with the application and connect it when the application starts. Every status
 * method answers at once from what the roles hold, never waiting for the log.
 */
public final class KafkaNode implements AutoCloseable {

	private static final Logger logger = Logger.getLogger(KafkaNode.class.getName());

	private final KafkaLogSettings settings;

	private final TopicLayout layout;

	private final KafkaLogWriter writer;

	private final Map<String, VmsExecutor> executors = new LinkedHashMap<>();

	private final TransactionClient client;

	/** The one consumer of every channel this application reads, once the node is connected. */
	private volatile LogPump reader;

	private final NodeSettings node;

	private final List<VmsRuntime> runtimes;

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

	private final RetryRegistry retries = RetryRegistry.ofDefaults();

	/** The last batch committed in the log when a VMS's backlog was read, by VMS; absent until it was. */
	private final Map<String, Long> replayUntil = new ConcurrentHashMap<>();

	private volatile EngineListener listener = EngineListener.NONE;

	/** Where the coordinator reads the input log from: after the batches its predecessors sealed. */
	private final Map<TopicPartition, Long> inputStart = new HashMap<>();

	private volatile BatchCoordinator coordinator;

	private volatile Topology topology;

	private final AtomicBoolean closed = new AtomicBoolean();

	private KafkaNode(KafkaLogSettings settings, NodeSettings node, List<VmsRuntime> runtimes,
			Map<String, Class<?>> eventTypes) {
		this.settings = settings;
		this.node = node;
		this.runtimes = List.copyOf(runtimes);
		this.layout = new TopicLayout(settings.topicPrefix());
		this.writer = new KafkaLogWriter(settings, this.layout, settings.topicPrefix() + "-producer", this.breakers);
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
		KafkaNode started = create(settings, node, runtimes, eventTypes);
		try {
			started.connect();
			return started;
		}
		catch (RuntimeException ex) {
			started.close();
			throw ex;
		}
	}

	/**
	 * Builds an application's roles without touching the log; {@link #connect()} starts them.
	 * @param settings the log
	 * @param node the application's roles
	 * @param runtimes the VMSs it hosts
	 * @param eventTypes the record type of every event its VMSs declare
	 * @return the node, not connected yet (its client takes submissions, which wait for the topology)
	 */
	public static KafkaNode create(KafkaLogSettings settings, NodeSettings node, List<VmsRuntime> runtimes,
			Map<String, Class<?>> eventTypes) {
		return new KafkaNode(settings, node, runtimes, eventTypes);
	}

	/**
	 * Sets what every role of this node tells of its moments worth timing or counting; call before
	 * {@link #connect()}.
	 * @param listener the listener
	 */
	public void reportTo(EngineListener listener) {
		this.listener = listener;
		this.writer.reportTo(listener);
		this.client.reportTo(listener);
		this.executors.values().forEach(executor -> executor.reportTo(listener));
		this.runtimes.forEach(runtime -> runtime.checkpointer().reportTo(listener));
	}

	/**
	 * Connects the roles to the log and starts them: provisions the topics, registers the VMSs, starts the
	 * coordinator when this node holds that role, and starts reading. Blocks until then; call once.
	 * @throws IllegalStateException if the cluster does not answer in time or the topology is invalid
	 */
	public void connect() {
		NodeSettings node = this.node;
		List<VmsRuntime> runtimes = this.runtimes;
		try (Admin admin = Admin.create(StartupCalls.adminConfig(this.settings))) {
			new TopicProvisioner(admin, this.settings, this.retries).provision(this.layout, this.executors.keySet());
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
			BatchCoordinator sequencer = new BatchCoordinator(this.topology, node.batchPolicy(), this.writer,
					node.maxDeliveriesPerRecord(), node.idempotencyKeysRetained());
			sequencer.reportTo(this.listener);
			this.coordinator = sequencer;
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
		synchronized (this.closed) {
			// closed while connecting (the application stopped during start-up): start no reader that nobody closes
			if (this.closed.get()) {
				throw new IllegalStateException("The vMODB node was closed while it connected to the log");
			}
			startReader();
		}
	}

	/**
	 * One consumer reads every channel this application needs: control, its VMSs' event logs and, as coordinator,
	 * input and done. Each record goes to the role its topic names, in order within its partition (the only order
	 * the roles rely on; no handler waits for another channel). One consumer instead of one per channel sends one
	 * fetch where four went, and a fetch that returns picks up whatever arrived on any channel meanwhile.
	 */
	private void startReader() {
		String prefix = this.settings.topicPrefix();
		List<TopicPartition> partitions = partitionsRead();
		Map<TopicPartition, Long> starts = new HashMap<>();
		Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> byTopic = new HashMap<>();
		TopicPartition control = controlPartition();
		starts.put(control, resumeControl(control));
		byTopic.put(control.topic(), record -> {
			ControlRecord decoded = ProtocolCodec.decodeControl(record.value());
			this.executors.forEach((vms, executor) -> applyControl(vms, executor, decoded, record.offset()));
			this.client.onControl(decoded);
		});
		this.executors.forEach((vms, executor) -> {
			TopicPartition events = eventsOf(vms);
			starts.put(events, executor.restored().resume().eventsOffset());
			byTopic.put(events.topic(),
					record -> executor.onEvents(ProtocolCodec.decodeEvents(record.value()), record.offset()));
		});
		if (this.coordinator != null) {
			BatchCoordinator sequencer = this.coordinator;
			starts.putAll(this.inputStart);
			byTopic.put(this.layout.input(), record -> sequencer.onInput(record.partition(), record.offset(),
					ProtocolCodec.decodeSubmissions(record.value())));
			byTopic.put(this.layout.done(), record -> sequencer.onDone(ProtocolCodec.decodeDone(record.value())));
		}
		LogPump started = new LogPump(prefix + "-reader", this.settings, partitions, starts,
				record -> byTopic.get(record.topic()).accept(record));
		started.start();
		this.reader = started;
	}

	/**
	 * The partitions this application's reader reads: the control log, each hosted VMS's event log and, where it
	 * coordinates, the input and done logs. Known before the node connects.
	 * @return the partitions, in the order the reader is given them
	 */
	public List<TopicPartition> partitionsRead() {
		List<TopicPartition> partitions = new ArrayList<>();
		partitions.add(controlPartition());
		this.executors.keySet().forEach(vms -> partitions.add(eventsOf(vms)));
		if (this.node.coordinator()) {
			for (int p = 0; p < this.settings.inputPartitions(); p++) {
				partitions.add(new TopicPartition(this.layout.input(), p));
			}
			partitions.add(new TopicPartition(this.layout.done(), 0));
		}
		return partitions;
	}

	private TopicPartition controlPartition() {
		return new TopicPartition(this.layout.control(), 0);
	}

	private TopicPartition eventsOf(String vms) {
		return new TopicPartition(this.layout.events(vms), 0);
	}

	/**
	 * One VMS failing to apply a control record is a bug in it, not in its neighbours: they and the client still get
	 * the record, so the failure stops one VMS (loudly), not the whole application.
	 */
	private void applyControl(String vms, VmsExecutor executor, ControlRecord record, long offset) {
		try {
			executor.onControl(record, offset);
		}
		catch (RuntimeException ex) {
			logger.log(Level.SEVERE, "VMS '" + vms + "' cannot apply control record " + offset + " (" + record
					+ "); it stops making progress until restarted", ex);
			executor.stall("cannot apply control record " + offset + " (" + ex + ")");
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
	public Optional<AbortStatistics> abortStatistics() {
		return Optional.ofNullable(this.coordinator).map(BatchCoordinator::statistics);
	}

	/**
	 * The transaction topology: the one this application coordinates, else the one its client has read from the
	 * log.
	 * @return the topology, or {@code null} before either is known
	 */
	public Topology topology() {
		Topology coordinated = this.topology;
		return (coordinated != null) ? coordinated : this.client.topology();
	}

	/**
	 * Whether this application is configured to hold the coordinator role.
	 * @return the setting
	 */
	public boolean coordinates() {
		return this.node.coordinator();
	}

	/**
	 * The coordinator's status, when this application runs it.
	 * @return the status, or empty before the coordinator started or in an application that does not coordinate
	 */
	public Optional<CoordinatorStatus> coordinatorStatus() {
		return Optional.ofNullable(this.coordinator).map(BatchCoordinator::status);
	}

	/**
	 * The client's status.
	 * @return the status
	 */
	public ClientStatus clientStatus() {
		return this.client.status();
	}

	/**
	 * The status of every hosted VMS, by name.
	 * @return the statuses
	 */
	public Map<String, VmsStatus> vmsStatuses() {
		Map<String, VmsStatus> statuses = new LinkedHashMap<>();
		this.executors.forEach((vms, executor) -> statuses.put(vms, executor.status()));
		return statuses;
	}

	/**
	 * The status of one hosted VMS.
	 * @param vms the VMS
	 * @return the status
	 * @throws IllegalArgumentException if this application does not host it
	 */
	public VmsStatus vmsStatus(String vms) {
		return executorOf(vms).status();
	}

	private VmsExecutor executorOf(String vms) {
		VmsExecutor executor = this.executors.get(vms);
		if (executor == null) {
			throw new IllegalArgumentException("No VMS named '" + vms + "' here; hosted: " + this.executors.keySet());
		}
		return executor;
	}

	/**
	 * Whether a hosted VMS is still replaying: reading records written before this application started, or
	 * applying the commits it read among them. Once caught up, a VMS stays so.
	 * @param vms the VMS
	 * @return whether it replays (also before the node is connected)
	 */
	public boolean replaying(String vms) {
		VmsExecutor executor = executorOf(vms);
		Long until = this.replayUntil.get(vms);
		if (until == null) {
			// the VMS's channels: the control log and its own event log
			LogPump pump = this.reader;
			if (pump == null || !pump.caughtUp(controlPartition()) || !pump.caughtUp(eventsOf(vms))) {
				return true;
			}
			// read after the pump caught up: the client has read every commit decision the backlog held (and
			// perhaps a few later ones, which the VMS applies as quickly)
			until = this.replayUntil.computeIfAbsent(vms, v -> this.client.status().lastCommittedBatch());
		}
		if (executor.status().committedBatch() < until) {
			return true;
		}
		this.replayUntil.put(vms, Long.MIN_VALUE);
		return false;
	}

	/**
	 * The log's lag: how many records each partition this application reads has beyond what it has read, as of
	 * the reader's last poll.
	 * @return records behind, by partition ({@code topic-partition})
	 */
	public Map<String, Long> logLag() {
		Map<String, Long> lag = new TreeMap<>();
		LogPump pump = this.reader;
		if (pump != null) {
			pump.lag().forEach((partition, behind) -> lag.put(partition.toString(), behind));
		}
		return lag;
	}

	/**
	 * Whether this application's reader thread is alive (true before it started).
	 * @return whether the reader, once started, still runs
	 */
	public boolean readersAlive() {
		LogPump pump = this.reader;
		return pump == null || pump.running();
	}

	/**
	 * What this application's writes to the log look like now.
	 * @return the state
	 */
	public LogState logState() {
		return this.writer.state();
	}

	/**
	 * The registry of the log's circuit breaker, for its metrics.
	 * @return the registry
	 */
	public CircuitBreakerRegistry circuitBreakers() {
		return this.breakers;
	}

	/**
	 * The registry of the retries of start-up calls, for their metrics.
	 * @return the registry
	 */
	public RetryRegistry retries() {
		return this.retries;
	}

	/**
	 * The log's topic prefix.
	 * @return the prefix
	 */
	public String topicPrefix() {
		return this.settings.topicPrefix();
	}

	@Override
	public void close() {
		// a container closes the node when the roles stop and again when it destroys the bean
		synchronized (this.closed) {
			if (this.closed.getAndSet(true)) {
				return;
			}
		}
		this.client.close();
		if (this.reader != null) {
			this.reader.close();
		}
		if (this.coordinator != null) {
			this.coordinator.close();
		}
		this.writer.close();
	}

}
