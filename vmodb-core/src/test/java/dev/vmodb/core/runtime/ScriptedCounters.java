package dev.vmodb.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.metadata.VmsDefinition;
import dev.vmodb.core.metadata.VmsDefinitionReader;
import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchDone;
import dev.vmodb.core.protocol.BatchRerun;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.Delivery;
import dev.vmodb.core.protocol.EventBatch;
import dev.vmodb.core.protocol.ProtocolCodec;
import dev.vmodb.core.protocol.TopologyAnnounced;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.topology.HandlerManifest;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.VmsManifest;
import dev.vmodb.core.tx.TransactionContext;

/**
 * One VMS, "counters", whose executor a test drives record by record: the test writes the control log and the VMS's
 * event log, hands their records to the executor when it chooses, waits for the reports the executor writes and reads
 * the state it commits.
 *
 * <p>Two transaction types: "add" runs at counters alone (its input event comes from the coordinator), "relay" runs
 * at "source" and then at counters. Source is not run: the test writes the events it sends, with the epoch it would
 * have applied. Every handler adds an amount to a counter and returns the new total as the transaction's result; a
 * negative amount aborts the transaction.
 */
final class ScriptedCounters implements AutoCloseable {

	static final String VMS = "counters";

	private static final TableSchema COUNTERS = new TableSchema("counters",
			List.of(new ColumnSchema("id", Long.class, List.of()), new ColumnSchema("total", Long.class, List.of())),
			List.of(0), List.of());

	private static final VmsManifest SOURCE = new VmsManifest("source",
			List.of(new HandlerManifest("Source.relay", "relay", "counted", false)));

	/** The control log: a record's index is its offset. */
	final List<ControlRecord> control = new ArrayList<>();

	/** The event log of counters: a record's index is its offset. */
	final List<EventBatch> events = new ArrayList<>();

	/** The database of counters, which outlives its processes. */
	final MemoryCheckpointSink database = new MemoryCheckpointSink();

	final Topology topology;

	private final List<Vms> started = new ArrayList<>();

	ScriptedCounters() {
		this.topology = Topology.of(List.of(SOURCE, VmsManifest.of(new VmsDefinitionReader().read(new CounterService()))));
	}

	/** Starts counters from its database: a restart when it was started before. */
	Vms start() {
		Vms vms = new Vms();
		this.started.add(vms);
		return vms;
	}

	void announce() {
		this.control.add(new TopologyAnnounced(this.topology.manifests()));
	}

	/**
	 * Seals a batch.
	 * @param events the input event of each transaction: "add" or "relay"
	 */
	void seal(long batch, long firstTid, String... events) {
		int[] types = new int[events.length];
		for (int i = 0; i < events.length; i++) {
			types[i] = this.topology.plan(events[i]).type();
		}
		this.control.add(new BatchSealed(batch, firstTid, types, List.of(), List.of()));
	}

	void rerun(long epoch, long batch, long fromTid, long... aborted) {
		this.control.add(new BatchRerun(epoch, batch, fromTid, aborted));
	}

	void commit(long batch, long lastTid, Abort... aborts) {
		this.control.add(new BatchCommitted(batch, lastTid, List.of(aborts), List.of()));
	}

	/** Input events of "add" transactions, as the coordinator sends them. */
	void inputs(long batch, Delivery... deliveries) {
		this.events.add(new EventBatch("", batch, 0, List.of(deliveries)));
	}

	/** Events of "relay" transactions, as source sends them once it has applied the re-run of an epoch. */
	void relayed(long batch, long epoch, Delivery... deliveries) {
		this.events.add(new EventBatch("source", batch, epoch, List.of(deliveries)));
	}

	/** The input event of an "add" transaction. */
	static Delivery add(long tid, long id, long amount) {
		return Delivery.event(tid, 0, RecordCodec.forType(Add.class).encode(new Add(id, amount)));
	}

	/** The event source sends counters in a "relay" transaction (its plan's second node). */
	static Delivery counted(long tid, long id, long amount) {
		return Delivery.event(tid, 1, RecordCodec.forType(Counted.class).encode(new Counted(id, amount)));
	}

	/**
	 * The totals a report's results carry, in TID order.
	 * @param done the report
	 * @return the totals
	 */
	static List<Long> totals(BatchDone done) {
		return done.results().stream()
			.map(result -> (Total) RecordCodec.forType(Total.class).decode(result.payload()))
			.map(Total::total)
			.toList();
	}

	@Override
	public void close() {
		this.started.forEach(vms -> vms.runtime.close());
	}

	public record Add(long id, long amount) {
	}

	public record Counted(long id, long amount) {
	}

	public record Total(long id, long total) {
	}

	@VirtualMicroservice(VMS)
	static class CounterService {

		/** The TIDs of the handlers run, in the order they ran. */
		final List<Long> runs = new CopyOnWriteArrayList<>();

		volatile VersionedTable table;

		@Inbound("add")
		@Outbound(value = "added", terminal = true)
		public Total add(Add add) {
			return count(add.id(), add.amount());
		}

		@Inbound("counted")
		@Outbound(value = "totalled", terminal = true)
		public Total counted(Counted counted) {
			return count(counted.id(), counted.amount());
		}

		private Total count(long id, long amount) {
			TransactionContext tx = TransactionContext.current();
			this.runs.add(tx.tid());
			if (amount < 0) {
				throw new IllegalArgumentException("negative amount " + amount);
			}
			Object[] row = this.table.read(id, tx.tid());
			long total = ((row != null) ? (Long) row[1] : 0) + amount;
			this.table.upsert(tx, new Object[] { id, total });
			return new Total(id, total);
		}

	}

	/** A process of counters: its runtime and executor, what it has read of each log, and what it reported. */
	final class Vms {

		final CounterService service = new CounterService();

		final VersionedStore store = new VersionedStore(VMS, List.of(COUNTERS));

		final VmsRuntime runtime;

		final VmsExecutor executor;

		final ReportLog log = new ReportLog();

		private int controlRead;

		private int eventsRead;

		Vms() {
			VmsDefinition definition = new VmsDefinitionReader().read(this.service);
			this.service.table = this.store.table("counters");
			this.runtime = new VmsRuntime(definition, this.store, ScriptedCounters.this.database,
					new RuntimeSettings(2, Duration.ofDays(1)));
			this.executor = new VmsExecutor(this.runtime, this.log, 100);
			// where the Kafka pumps would start reading: the topology in force, then the logs from the resume point
			ResumePoint resume = this.runtime.restored().resume();
			if (resume.topologyOffset() >= 0) {
				int at = (int) resume.topologyOffset();
				this.executor.onControl(ScriptedCounters.this.control.get(at), at);
			}
			this.controlRead = (int) resume.controlOffset();
			this.eventsRead = (int) resume.eventsOffset();
		}

		/** Reads the control log up to its end. */
		void readControl() {
			readControl(ScriptedCounters.this.control.size());
		}

		/** Reads the control log up to, not including, an offset. */
		void readControl(int to) {
			List<ControlRecord> log = ScriptedCounters.this.control;
			for (; this.controlRead < to; this.controlRead++) {
				this.executor.onControl(log.get(this.controlRead), this.controlRead);
			}
		}

		/** Reads the event log up to its end. */
		void readEvents() {
			readEvents(ScriptedCounters.this.events.size());
		}

		/** Reads the event log up to, not including, an offset. */
		void readEvents(int to) {
			List<EventBatch> log = ScriptedCounters.this.events;
			for (; this.eventsRead < to; this.eventsRead++) {
				this.executor.onEvents(log.get(this.eventsRead), this.eventsRead);
			}
		}

		/** Reads the control log again from an offset, as after a reconnection. */
		void rereadControl(int from) {
			this.controlRead = Math.min(this.controlRead, from);
			readControl();
		}

		/** Reads the event log again from an offset, as after a reconnection. */
		void rereadEvents(int from) {
			this.eventsRead = Math.min(this.eventsRead, from);
			readEvents();
		}

		/** Waits, boundedly, for the report of a batch at an epoch. */
		BatchDone awaitReport(long batch, long epoch) {
			return this.log.await(batch, epoch);
		}

		List<BatchDone> reports() {
			return this.log.reports();
		}

		/** The epoch of the last re-run applied. */
		long epoch() {
			return this.executor.status().epoch();
		}

		/** A counter's committed total, 0 when it has none. */
		long committedTotal(long id) {
			Object[] row = this.store.table("counters").read(id, this.store.committed().tid());
			return (row != null) ? (Long) row[1] : 0;
		}

		long committedBatch() {
			return this.executor.status().committedBatch();
		}

		Checkpoint checkpointNow() {
			this.runtime.checkpointer().checkpointNow();
			return ScriptedCounters.this.database.checkpoint;
		}

	}

	/** Keeps what a VMS reports, and lets a test wait for a report; its events go nowhere (it has no downstream). */
	static final class ReportLog implements LogWriter {

		private static final Duration WAIT = Duration.ofSeconds(30);

		private final List<BatchDone> reports = new ArrayList<>();

		@Override
		public CompletableFuture<Void> appendInput(byte[] record) {
			throw new UnsupportedOperationException("a VMS writes no input");
		}

		@Override
		public CompletableFuture<Void> appendControl(byte[] record) {
			throw new UnsupportedOperationException("a VMS writes no control records");
		}

		@Override
		public CompletableFuture<Void> appendEvents(String vms, byte[] record) {
			throw new UnsupportedOperationException("counters sends no events, it got " + ProtocolCodec.decodeEvents(record)
					+ " for " + vms);
		}

		@Override
		public synchronized CompletableFuture<Void> appendDone(byte[] record) {
			this.reports.add(ProtocolCodec.decodeDone(record));
			notifyAll();
			return CompletableFuture.completedFuture(null);
		}

		synchronized List<BatchDone> reports() {
			return List.copyOf(this.reports);
		}

		synchronized BatchDone await(long batch, long epoch) {
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (true) {
				for (BatchDone done : this.reports) {
					if (done.batch() == batch && done.epoch() == epoch) {
						return done;
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("no report of batch " + batch + " at epoch " + epoch + " within " + WAIT
							+ "; reports: " + this.reports.stream().map(d -> d.batch() + "@" + d.epoch()).toList());
				}
				try {
					wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("interrupted while waiting for a report", ex);
				}
			}
		}

	}

}
