package dev.vmodb.core.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.core.client.TransactionClient;
import dev.vmodb.core.coordinator.BatchCoordinator;
import dev.vmodb.core.coordinator.BatchPolicy;
import dev.vmodb.core.metadata.VmsDefinitionReader;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.EventBatch;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.topology.Topology;
import dev.vmodb.core.topology.VmsManifest;
import dev.vmodb.core.tx.TransactionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link VmsTransaction#now()} and {@link VmsTransaction#random()} through the whole batch protocol (coordinator,
 * executor, client, over a log in memory): a transaction that read a version of an aborted one runs again and sees
 * the same time and random values, and so does a VMS replaying the log from its beginning.
 */
class DeterministicTransactionContextTests {

	public record Put(long key, long value, boolean fail) {
	}

	public record PutChecked(boolean fail) {
	}

	public record Draw(long key) {
	}

	/** What one run of the draw handler saw and drew. */
	record Run(long tid, Instant now, long first, long second, Long valueSeen) {
	}

	/**
	 * A VMS whose "put" writes a cell and whose "draw" reads a cell and notes the time and two random values. A put
	 * may fail afterwards, at the "checks" VMS, so its version is visible here until the abort is decided.
	 */
	@VirtualMicroservice("draws")
	static class DrawService {

		private final VersionedTable cells;

		private final VersionedTable draws;

		final Queue<Run> runs = new ConcurrentLinkedQueue<>();

		DrawService(VersionedStore store) {
			this.cells = store.table("cells");
			this.draws = store.table("draws");
		}

		@Inbound("put")
		@Outbound("put_checked")
		public PutChecked put(Put event) {
			this.cells.upsert(TransactionContext.current(), new Object[] { event.key(), event.value() });
			return new PutChecked(event.fail());
		}

		@Inbound("draw")
		public void draw(Draw event) {
			TransactionContext tx = TransactionContext.current();
			Object[] cell = this.cells.read(event.key(), tx.tid());
			Instant now = VmsTransaction.now();
			RandomGenerator random = VmsTransaction.random();
			Run run = new Run(tx.tid(), now, random.nextLong(), VmsTransaction.random().nextLong(),
					(cell != null) ? (Long) cell[1] : null);
			this.draws.upsert(tx, new Object[] { tx.tid(), now.toEpochMilli(), run.first(), run.second() });
			this.runs.add(run);
		}

	}

	/** Fails a put when asked to. */
	@VirtualMicroservice("checks")
	static class CheckService {

		@Inbound("put_checked")
		public void check(PutChecked event) {
			VmsTransaction.abortIf(event.fail(), "rejected");
		}

	}

	private final LogBus bus = new LogBus();

	private final VersionedStore store = store();

	private final DrawService service = new DrawService(this.store);

	private final VmsRuntime runtime = runtime(this.service, this.store);

	private final VmsRuntime checks = new VmsRuntime(new VmsDefinitionReader().read(new CheckService()),
			new VersionedStore("checks", List.of()), new NoDatabase(), new RuntimeSettings(2, Duration.ZERO));

	private final BatchCoordinator coordinator = new BatchCoordinator(
			Topology.of(List.of(VmsManifest.of(this.runtime.definition()), VmsManifest.of(this.checks.definition()))),
			new BatchPolicy(Duration.ofSeconds(10), 3), this.bus, 100);

	private final TransactionClient client = new TransactionClient(this.bus,
			Map.of("put", Put.class, "put_checked", PutChecked.class, "draw", Draw.class), 100, 10_000);

	private VmsRuntime replaying;

	DeterministicTransactionContextTests() {
		this.bus.connect(this.coordinator, Map.of("draws", new VmsExecutor(this.runtime, this.bus, 100), "checks",
				new VmsExecutor(this.checks, this.bus, 100)), this.client);
		this.coordinator.start().join();
	}

	@AfterEach
	void close() {
		this.client.close();
		this.coordinator.close();
		this.bus.close();
		this.runtime.close();
		this.checks.close();
		if (this.replaying != null) {
			this.replaying.close();
		}
	}

	@Test
	void aTransactionRunAgainAndReplayedSeesTheSameTimeAndRandomValues() throws Exception {
		// one batch of three: T1 writes cell 7 and aborts in its second handler; T2 reads cell 7, T3 cell 8
		CompletableFuture<TransactionResult> put = this.client.submit("put", new Put(7, 5, true));
		CompletableFuture<TransactionResult> drawRead = this.client.submit("draw", new Draw(7));
		CompletableFuture<TransactionResult> drawOther = this.client.submit("draw", new Draw(8));
		ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> put.get(30, TimeUnit.SECONDS));
		assertThat(this.bus.failures).isEmpty();
		assertThat(failed).cause().isInstanceOf(TransactionAbortedException.class).hasMessageEndingWith("rejected");
		long reader = drawRead.get(30, TimeUnit.SECONDS).tid();
		long other = drawOther.get(30, TimeUnit.SECONDS).tid();

		assertThat(this.coordinator.statistics().reruns()).as("T2 read T1's version: the batch ran again").isEqualTo(1);
		List<Run> readerRuns = runsOf(this.service, reader);
		assertThat(readerRuns).extracting(Run::valueSeen).as("with, then without, the aborted write")
			.containsExactly(5L, null);
		Instant sealedAt = Instant.ofEpochMilli(sealedBatch().sealedAt());
		assertThat(readerRuns).extracting(Run::now).containsOnly(sealedAt);
		assertSameDraws(readerRuns);
		List<Run> otherRuns = runsOf(this.service, other);
		assertThat(otherRuns).hasSize(2).extracting(Run::now).containsOnly(sealedAt);
		assertSameDraws(otherRuns);
		assertThat(otherRuns.get(0).first()).as("another transaction draws other values")
			.isNotEqualTo(readerRuns.get(0).first());
		assertThat(readerRuns.get(0).first()).as("consecutive draws continue one sequence")
			.isNotEqualTo(readerRuns.get(0).second());

		// a VMS replaying the log from its beginning, with an empty store, runs both again alike
		VersionedStore replayStore = store();
		DrawService replayService = new DrawService(replayStore);
		this.replaying = runtime(replayService, replayStore);
		VmsExecutor replayer = new VmsExecutor(this.replaying, LogBus.discarding(), 100);
		List<ControlRecord> control = List.copyOf(this.bus.control);
		for (int offset = 0; offset < control.size(); offset++) {
			replayer.onControl(control.get(offset), offset);
		}
		List<EventBatch> events = List.copyOf(this.bus.events.get("draws"));
		for (int offset = 0; offset < events.size(); offset++) {
			replayer.onEvents(events.get(offset), offset);
		}
		long committed = this.store.committed().batch();
		await(() -> replayStore.committed().batch() == committed);

		assertThat(runsOf(replayService, reader)).isNotEmpty()
			.allSatisfy(run -> assertThat(run).isEqualTo(readerRuns.get(readerRuns.size() - 1)));
		assertThat(runsOf(replayService, other)).isNotEmpty()
			.allSatisfy(run -> assertThat(run).isEqualTo(otherRuns.get(0)));
		VersionedTable draws = this.store.table("draws");
		VersionedTable replayedDraws = replayStore.table("draws");
		long lastTid = this.store.committed().tid();
		for (long tid : new long[] { reader, other }) {
			assertThat(replayedDraws.read(tid, lastTid)).containsExactly(draws.read(tid, lastTid));
		}
	}

	@Test
	void outsideAHandlerThereIsNoTransactionTimeOrRandomSource() {
		assertThat(catchThrowableOfType(IllegalStateException.class, VmsTransaction::now))
			.hasMessage("VmsTransaction.now() is only available in a handler (@Inbound) while it runs, on the thread "
					+ "that runs it");
		assertThat(catchThrowableOfType(IllegalStateException.class, VmsTransaction::random))
			.hasMessageStartingWith("VmsTransaction.random() is only available in a handler");
	}

	private BatchSealed sealedBatch() {
		return this.bus.control.stream()
			.filter(BatchSealed.class::isInstance)
			.map(BatchSealed.class::cast)
			.findFirst()
			.orElseThrow();
	}

	private static List<Run> runsOf(DrawService service, long tid) {
		return service.runs.stream().filter(run -> run.tid() == tid).toList();
	}

	private static void assertSameDraws(List<Run> runs) {
		assertThat(runs).extracting(Run::first).containsOnly(runs.get(0).first());
		assertThat(runs).extracting(Run::second).containsOnly(runs.get(0).second());
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private static VersionedStore store() {
		return new VersionedStore("draws", List.of(
				new TableSchema("cells", List.of(new ColumnSchema("cell_key", Long.class, List.of()),
						new ColumnSchema("amount", Long.class, List.of())), List.of(0), List.of()),
				new TableSchema("draws", List.of(new ColumnSchema("tid", Long.class, List.of()),
						new ColumnSchema("at_millis", Long.class, List.of()),
						new ColumnSchema("first_draw", Long.class, List.of()),
						new ColumnSchema("second_draw", Long.class, List.of())), List.of(0), List.of())));
	}

	private static VmsRuntime runtime(DrawService service, VersionedStore store) {
		return new VmsRuntime(new VmsDefinitionReader().read(service), store, new NoDatabase(),
				new RuntimeSettings(2, Duration.ZERO));
	}

}
