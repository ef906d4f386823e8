package dev.vmodb.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.codec.RecordCodec;
import dev.vmodb.core.log.LogWriter;
import dev.vmodb.core.metadata.VmsDefinition;
import dev.vmodb.core.metadata.VmsDefinitionReader;
import dev.vmodb.core.protocol.BatchCommitted;
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
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.VmsManifest;
import dev.vmodb.core.tx.TransactionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VMS's executor notes, with each committed batch, where its logs continue; a VMS restarted from the checkpoint
 * reads its logs from there only and reaches the same state, and a re-run of a batch its checkpoint already holds
 * does not undo that batch.
 *
 * <p>The logs are scripted here: a list of control records and a list of event records, each record at its index as
 * offset, fed to the executor the way the Kafka pumps do (each log in order, the two interleaved).
 */
class VmsExecutorRecoveryUnitTests {

	private static final TableSchema COUNTERS = new TableSchema("counters",
			List.of(new ColumnSchema("id", Long.class, List.of()), new ColumnSchema("total", Long.class, List.of())),
			List.of(0), List.of());

	private final MemoryCheckpointSink sink = new MemoryCheckpointSink();

	private final RecordingLog log = new RecordingLog();

	private final List<VmsRuntime> runtimes = new ArrayList<>();

	private final List<ControlRecord> control = new ArrayList<>();

	private final List<EventBatch> events = new ArrayList<>();

	private Topology topology;

	@AfterEach
	void close() {
		this.runtimes.forEach(VmsRuntime::close);
	}

	@Test
	void aCommittedBatchRecordsTheSealingOfTheNextAndTheFirstEventNotCommitted() {
		VmsExecutor executor = executor();
		announce();
		seal(1, 1, 3);
		seal(2, 4, 2); // pipelined: sealed before batch 1 commits
		inputs(1, add(1, 1, 5), add(2, 2, 7), add(3, 1, 1));
		inputs(2, add(4, 2, 3), add(5, 3, 9));
		feed(executor, 0, 0);
		awaitReports(2);
		commit(1, 3);
		feed(executor, this.control.size() - 1, this.events.size());

		Checkpoint checkpoint = checkpointNow();
		assertThat(checkpoint.state().batch()).isEqualTo(1);
		// batch 2 was sealed at control offset 2 and its events start at event offset 1
		assertThat(checkpoint.resume()).isEqualTo(new ResumePoint(2, 0, 1, 0));
		assertThat(this.sink.rows).containsEntry(1L, 6L).containsEntry(2L, 7L).doesNotContainKey(3L);

		commit(2, 5);
		feed(executor, this.control.size() - 1, this.events.size());
		checkpoint = checkpointNow();
		// nothing after batch 2 yet: the next control record and the next event
		assertThat(checkpoint.resume()).isEqualTo(new ResumePoint(5, 0, 2, 0));
		assertThat(this.sink.rows).containsEntry(1L, 6L).containsEntry(2L, 10L).containsEntry(3L, 9L);
	}

	@Test
	void aRestartedVmsReadsItsLogsFromTheResumePointAndReachesTheSameState() {
		VmsExecutor first = executor();
		announce();
		seal(1, 1, 2);
		inputs(1, add(1, 1, 5), add(2, 2, 7));
		seal(2, 3, 2);
		inputs(2, add(3, 1, 2), add(4, 2, 2));
		feed(first, 0, 0);
		awaitReports(2);
		commit(1, 2);
		feed(first, this.control.size() - 1, this.events.size());
		Checkpoint checkpoint = checkpointNow();
		assertThat(checkpoint.state().batch()).isEqualTo(1);
		// the VMS stops here: batch 2 ran but is not committed, and only batch 1 is in its database

		commit(2, 4);
		seal(3, 5, 1);
		inputs(3, add(5, 1, 100));
		VmsExecutor restarted = executor();
		assertThat(restarted.restored()).isEqualTo(checkpoint);
		this.log.reports.clear();
		feedTopologyAt(restarted, checkpoint.resume().topologyOffset());
		feed(restarted, (int) checkpoint.resume().controlOffset(), (int) checkpoint.resume().eventsOffset());
		awaitReports(2); // batch 2 again (the coordinator ignores a report of a decided batch) and batch 3

		commit(3, 5);
		feed(restarted, this.control.size() - 1, this.events.size());
		checkpointNow();
		assertThat(this.sink.rows).containsEntry(1L, 107L).containsEntry(2L, 9L);
	}

	@Test
	void replayingFromTheBeginningAReRunOfABatchTheCheckpointHoldsKeepsThatBatch() {
		VmsExecutor first = executor();
		announce();
		seal(1, 1, 2);
		inputs(1, add(1, 1, 5), add(2, 2, 7));
		seal(2, 3, 1);
		inputs(2, add(3, 1, 4));
		feed(first, 0, 0);
		awaitReports(2);
		// the coordinator decided to run batch 1 again (say an aborted transaction had been read), then committed it
		rerun(1, 1, 1);
		feed(first, this.control.size() - 1, this.events.size());
		awaitReports(4);
		commit(1, 2);
		commit(2, 3);
		feed(first, this.control.size() - 2, this.events.size());
		checkpointNow();
		assertThat(this.sink.rows).containsEntry(1L, 9L).containsEntry(2L, 7L);

		// a database written without log positions: the restarted VMS reads everything again, the re-run included
		this.sink.checkpoint = new Checkpoint(this.sink.checkpoint.state(), ResumePoint.BEGINNING);
		seal(3, 4, 1);
		inputs(3, add(4, 2, 1));
		VmsExecutor restarted = executor();
		this.log.reports.clear();
		feed(restarted, 0, 0);
		awaitReports(1);
		commit(3, 4);
		feed(restarted, this.control.size() - 1, this.events.size());
		checkpointNow();
		assertThat(this.sink.rows).containsEntry(1L, 9L).containsEntry(2L, 8L);
	}

	private VmsExecutor executor() {
		VmsDefinition definition = new VmsDefinitionReader().read(new CounterVms());
		VersionedStore store = new VersionedStore("counters", List.of(COUNTERS));
		CounterVms.table = store.table("counters");
		VmsRuntime runtime = new VmsRuntime(definition, store, this.sink, new RuntimeSettings(2, Duration.ofDays(1)));
		this.runtimes.add(runtime);
		this.topology = Topology.of(List.of(VmsManifest.of(definition)));
		return new VmsExecutor(runtime, this.log, 100);
	}

	private void announce() {
		this.control.add(new TopologyAnnounced(this.topology.manifests()));
	}

	private void seal(long batch, long firstTid, int size) {
		int[] types = new int[size];
		java.util.Arrays.fill(types, this.topology.plan("add").type());
		this.control.add(new BatchSealed(batch, firstTid, types, List.of(), List.of()));
	}

	private void rerun(long epoch, long batch, long fromTid) {
		this.control.add(new BatchRerun(epoch, batch, fromTid, new long[0]));
	}

	private void commit(long batch, long lastTid) {
		this.control.add(new BatchCommitted(batch, lastTid, List.of(), List.of()));
	}

	private void inputs(long batch, Delivery... deliveries) {
		this.events.add(new EventBatch("", batch, 0, List.of(deliveries)));
	}

	private static Delivery add(long tid, long id, long amount) {
		return Delivery.event(tid, 0, RecordCodec.forType(Add.class).encode(new Add(id, amount)));
	}

	/** Feeds the control log from one offset and the event log from another, the way two pumps would. */
	private void feed(VmsExecutor executor, int controlFrom, int eventsFrom) {
		for (int offset = eventsFrom; offset < this.events.size(); offset++) {
			executor.onEvents(this.events.get(offset), offset);
		}
		for (int offset = controlFrom; offset < this.control.size(); offset++) {
			executor.onControl(this.control.get(offset), offset);
		}
	}

	private void feedTopologyAt(VmsExecutor executor, long offset) {
		executor.onControl(this.control.get((int) offset), offset);
	}

	private void awaitReports(int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.log.reports.size() < count) {
			assertThat(System.nanoTime()).as("waiting for %d reports, got %d", count, this.log.reports.size())
				.isLessThan(deadline);
			Thread.onSpinWait();
			Thread.yield();
		}
	}

	private Checkpoint checkpointNow() {
		this.runtimes.get(this.runtimes.size() - 1).checkpointer().checkpointNow();
		return this.sink.checkpoint;
	}

	public record Add(long id, long amount) {
	}

	@VirtualMicroservice("counters")
	public static class CounterVms {

		static volatile VersionedTable table;

		@Inbound(value = "add", type = TransactionType.READ_WRITE)
		public void add(Add add) {
			TransactionContext tx = TransactionContext.current();
			Object[] row = table.read(add.id(), tx.tid());
			long total = (row != null) ? (Long) row[1] : 0;
			table.upsert(tx, new Object[] { add.id(), total + add.amount() });
		}

	}

	/** Keeps what the VMS reports; events it sends go nowhere (it has no downstream VMS). */
	private static final class RecordingLog implements LogWriter {

		final List<byte[]> reports = new CopyOnWriteArrayList<>();

		@Override
		public CompletableFuture<Void> appendInput(byte[] record) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<Void> appendControl(byte[] record) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<Void> appendEvents(String vms, byte[] record) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Void> appendDone(byte[] record) {
			ProtocolCodec.decodeDone(record); // a report must decode
			this.reports.add(record);
			return CompletableFuture.completedFuture(null);
		}

	}

}
