package dev.vmodb.core.coordinator;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.Repeat;
import dev.vmodb.core.protocol.Result;

import static dev.vmodb.core.coordinator.Coordinators.done;
import static dev.vmodb.core.coordinator.Coordinators.keyed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A request repeating an idempotency key the coordinator has sequenced gets a TID but runs nowhere, and its batch's
 * commit decision carries the first transaction's outcome: in the same batch, in a later one, after an abort,
 * after a coordinator restart; keys beyond the retained number are forgotten, oldest first.
 */
class IdempotencyKeysUnitTests {

	private static final long SUBMITTER = 5;

	private static final long RESTARTED_SUBMITTER = 6;

	private final RecordingLog log = new RecordingLog();

	private final List<BatchCoordinator> coordinators = new java.util.ArrayList<>();

	@AfterEach
	void close() {
		this.coordinators.forEach(BatchCoordinator::close);
	}

	private BatchCoordinator coordinator(int batchSize, int keysRetained, RecordingLog log) {
		BatchCoordinator coordinator = Coordinators.sealingEvery(batchSize, log, keysRetained, Clock.systemUTC());
		this.coordinators.add(coordinator);
		return coordinator;
	}

	@Test
	void aRepeatInTheSameBatchRunsNowhereAndGetsTheFirstOutcome() {
		BatchCoordinator coordinator = coordinator(2, 10, this.log);
		coordinator.onInput(0, 0, keyed(SUBMITTER, 1, "reserve", "order-1"));
		coordinator.onInput(0, 1, keyed(RESTARTED_SUBMITTER, 1, "reserve", "order-1"));

		BatchSealed sealed = this.log.sealed().get(0);
		assertThat(sealed.types()).containsExactly(Coordinators.TOPOLOGY.plan("reserve").type(), BatchSealed.REPEAT);
		assertThat(sealed.keyed()).containsExactly(new BatchSealed.Keyed(1, "order-1", 1),
				new BatchSealed.Keyed(2, "order-1", 1));
		assertThat(this.log.inputEvents()).containsExactlyInAnyOrder("stock/1:1", "audit/1:1");
		coordinator.onDone(done("stock", 1, List.of(), List.of(new Result(1, "reserved", new byte[] { 42 }))));
		coordinator.onDone(done("audit", 1));

		BatchCommitted committed = this.log.committed().get(0);
		assertThat(committed.aborts()).isEmpty();
		assertThat(committed.repeats()).singleElement().satisfies(repeat -> {
			assertThat(repeat.tid()).isEqualTo(2);
			assertThat(repeat.originalTid()).isEqualTo(1);
			assertThat(repeat.originalBatch()).isEqualTo(1);
			assertThat(repeat.abort()).isNull();
			assertThat(repeat.results()).singleElement().satisfies(result -> {
				assertThat(result.event()).isEqualTo("reserved");
				assertThat(result.payload()).containsExactly(42);
			});
		});
	}

	@Test
	void aRepeatOfAnAbortedTransactionInALaterBatchGetsItsAbort() {
		BatchCoordinator coordinator = coordinator(1, 10, this.log);
		coordinator.onInput(0, 0, keyed(SUBMITTER, 1, "reserve", "order-2"));
		Abort insufficient = new Abort(1, "stock", "S.reserve", "insufficient stock");
		coordinator.onDone(done("stock", 1, List.of(insufficient), List.of()));
		coordinator.onDone(done("audit", 1));
		coordinator.onInput(0, 1, keyed(RESTARTED_SUBMITTER, 1, "reserve", "order-2"));

		// the repeat has no participants: its batch commits when sealed
		assertThat(this.log.committed()).extracting(BatchCommitted::batch).containsExactly(1L, 2L);
		BatchCommitted second = this.log.committed().get(1);
		assertThat(second.aborts()).as("the repeat itself did not abort: it did nothing").isEmpty();
		assertThat(second.repeats()).extracting(Repeat::tid, Repeat::originalTid, Repeat::originalBatch, Repeat::abort)
			.containsExactly(tuple(2L, 1L, 1L, insufficient));
		assertThat(this.log.inputEvents()).containsExactlyInAnyOrder("stock/1:1", "audit/1:1");
		assertThat(coordinator.statistics().abortCount()).as("counted once").isEqualTo(1);
	}

	@Test
	void aRepeatOfAnUndecidedTransactionWaitsForIt() {
		BatchCoordinator coordinator = coordinator(1, 10, this.log);
		coordinator.onInput(0, 0, keyed(SUBMITTER, 1, "restock", "order-3"));
		coordinator.onInput(0, 1, keyed(RESTARTED_SUBMITTER, 1, "restock", "order-3"));
		assertThat(this.log.committed()).isEmpty();

		coordinator.onDone(done("stock", 1));

		assertThat(this.log.committed()).extracting(BatchCommitted::batch).containsExactly(1L, 2L);
		assertThat(this.log.committed().get(1).repeats()).extracting(Repeat::tid, Repeat::originalTid, Repeat::abort)
			.containsExactly(tuple(2L, 1L, null));
	}

	@Test
	void aRestartedCoordinatorAnswersRepeatsOfKeysInTheLog() {
		BatchCoordinator crashed = coordinator(1, 10, this.log);
		crashed.start().join();
		crashed.onInput(0, 0, keyed(SUBMITTER, 1, "restock", "decided"));
		crashed.onDone(done("stock", 1, List.of(), List.of(new Result(1, "restocked", new byte[] { 7 }))));
		crashed.onInput(0, 1, keyed(SUBMITTER, 2, "restock", "undecided"));
		crashed.onInput(0, 2, keyed(RESTARTED_SUBMITTER, 1, "restock", "undecided"));

		RecordingLog after = new RecordingLog();
		BatchCoordinator resumed = coordinator(1, 10, after);
		resumed.resume(this.log.control());
		resumed.onInput(0, 3, keyed(RESTARTED_SUBMITTER, 2, "restock", "decided"));
		resumed.onInput(0, 4, keyed(RESTARTED_SUBMITTER, 3, "restock", "undecided"));
		assertThat(after.sealed()).extracting(sealed -> sealed.types()[0])
			.containsExactly(BatchSealed.REPEAT, BatchSealed.REPEAT);
		resumed.onDone(done("stock", 2, List.of(new Abort(2, "stock", "S.restock", "full")), List.of()));

		assertThat(after.committed()).extracting(BatchCommitted::batch).containsExactly(2L, 3L, 4L, 5L);
		assertThat(after.committed()).flatExtracting(BatchCommitted::repeats)
			.extracting(Repeat::tid, Repeat::originalTid, Repeat::originalBatch,
					repeat -> (repeat.abort() != null) ? repeat.abort().reason() : "committed")
			.containsExactly(tuple(3L, 2L, 2L, "full"), tuple(4L, 1L, 1L, "committed"), tuple(5L, 2L, 2L, "full"));
		assertThat(after.committed().get(2).repeats().get(0).results()).singleElement()
			.satisfies(result -> assertThat(result.payload()).containsExactly(7));
	}

	@Test
	void theOldestKeysBeyondTheRetainedNumberAreForgotten() {
		BatchCoordinator coordinator = coordinator(1, 2, this.log);
		coordinator.onInput(0, 0, keyed(SUBMITTER, 1, "restock", "a"));
		coordinator.onInput(0, 1, keyed(SUBMITTER, 2, "restock", "b"));
		coordinator.onInput(0, 2, keyed(SUBMITTER, 3, "restock", "c"));
		coordinator.onInput(0, 3, keyed(RESTARTED_SUBMITTER, 1, "restock", "a"));
		coordinator.onInput(0, 4, keyed(RESTARTED_SUBMITTER, 2, "restock", "c"));

		assertThat(this.log.sealed()).extracting(sealed -> sealed.types()[0]).containsExactly(
				Coordinators.TOPOLOGY.plan("restock").type(), Coordinators.TOPOLOGY.plan("restock").type(),
				Coordinators.TOPOLOGY.plan("restock").type(), Coordinators.TOPOLOGY.plan("restock").type(),
				BatchSealed.REPEAT);
		assertThat(this.log.sealed().get(3).keyed()).as("'a' was forgotten: it runs again, as a new original")
			.containsExactly(new BatchSealed.Keyed(4, "a", 4));
		assertThat(this.log.sealed().get(4).keyed()).containsExactly(new BatchSealed.Keyed(5, "c", 3));
		assertThat(this.log.inputEvents()).containsExactly("stock/1:1", "stock/2:2", "stock/3:3", "stock/4:4");
	}

}
