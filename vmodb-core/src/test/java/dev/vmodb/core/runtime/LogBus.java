package dev.vmodb.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.vmodb.core.client.TransactionClient;
import dev.vmodb.core.coordinator.BatchCoordinator;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.EventBatch;
import dev.vmodb.core.protocol.ProtocolCodec;

/**
 * The unified log in memory, for tests of the batch protocol without Kafka: each channel keeps its records and
 * hands them, in append order, to its reader on a thread of its own, as a Kafka consumer per channel would (the
 * control log to the executors, then the client).
 */
final class LogBus implements LogWriter, AutoCloseable {

	/** The control log, decoded, in order: a record's index is its offset. */
	final List<ControlRecord> control = new CopyOnWriteArrayList<>();

	/** Each VMS's event log, decoded, in order: a record's index is its offset. */
	final Map<String, List<EventBatch>> events = new ConcurrentHashMap<>();

	/** What the readers threw: a test fails on any. */
	final List<Throwable> failures = new CopyOnWriteArrayList<>();

	private final Map<String, ExecutorService> channels = new ConcurrentHashMap<>();

	private final Map<String, VmsExecutor> executors = new ConcurrentHashMap<>();

	private volatile BatchCoordinator coordinator;

	private volatile TransactionClient client;

	private long inputOffset;

	/**
	 * Connects the roles that read the log.
	 * @param coordinator the coordinator
	 * @param executors the VMS executors by VMS
	 * @param client the client
	 */
	void connect(BatchCoordinator coordinator, Map<String, VmsExecutor> executors, TransactionClient client) {
		this.coordinator = coordinator;
		this.executors.putAll(executors);
		this.client = client;
	}

	@Override
	public synchronized CompletableFuture<Void> appendInput(byte[] record) {
		long offset = this.inputOffset++;
		return deliver("input", () -> this.coordinator.onInput(0, offset, ProtocolCodec.decodeSubmissions(record)));
	}

	@Override
	public synchronized CompletableFuture<Void> appendControl(byte[] record) {
		ControlRecord decoded = ProtocolCodec.decodeControl(record);
		long offset = this.control.size();
		this.control.add(decoded);
		return deliver("control", () -> {
			this.executors.values().forEach(executor -> executor.onControl(decoded, offset));
			this.client.onControl(decoded);
		});
	}

	@Override
	public synchronized CompletableFuture<Void> appendEvents(String vms, byte[] record) {
		EventBatch decoded = ProtocolCodec.decodeEvents(record);
		List<EventBatch> log = this.events.computeIfAbsent(vms, v -> new CopyOnWriteArrayList<>());
		long offset = log.size();
		log.add(decoded);
		return deliver("events." + vms, () -> this.executors.get(vms).onEvents(decoded, offset));
	}

	@Override
	public synchronized CompletableFuture<Void> appendDone(byte[] record) {
		return deliver("done", () -> this.coordinator.onDone(ProtocolCodec.decodeDone(record)));
	}

	/** Caller holds the lock, so records reach each channel's thread in append order. */
	private CompletableFuture<Void> deliver(String channel, Runnable read) {
		this.channels.computeIfAbsent(channel, name -> Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "log-bus-" + name);
			thread.setDaemon(true);
			return thread;
		})).execute(() -> {
			try {
				read.run();
			}
			catch (RuntimeException | Error ex) {
				this.failures.add(ex);
				throw ex;
			}
		});
		return CompletableFuture.completedFuture(null);
	}

	/** A log that accepts everything and keeps nothing: for a VMS replaying a log, whose output nobody reads. */
	static LogWriter discarding() {
		return new LogWriter() {

			@Override
			public CompletableFuture<Void> appendInput(byte[] record) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletableFuture<Void> appendControl(byte[] record) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletableFuture<Void> appendEvents(String vms, byte[] record) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletableFuture<Void> appendDone(byte[] record) {
				return CompletableFuture.completedFuture(null);
			}

		};
	}

	@Override
	public void close() {
		new ArrayList<>(this.channels.values()).forEach(ExecutorService::shutdownNow);
	}

}
