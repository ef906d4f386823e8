package dev.vmodb.core.coordinator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;

import static dev.vmodb.core.coordinator.Coordinators.done;
import static dev.vmodb.core.coordinator.Coordinators.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator taking over from one that crashed: it sends the input events of the batches left undecided again
 * (the crash may have fallen between a batch's sealing decision and its input events), not those of decided
 * batches, continues the numbering and decides those batches as the crashed one would have (transactions it rejected
 * and batches that wait for no report included); sealing times never go backwards.
 */
class CoordinatorResumeUnitTests {

	private static final long CLIENT = 77;

	private final MutableClock clock = new MutableClock(1_000);

	private final RecordingLog firstLog = new RecordingLog();

	private final BatchCoordinator first = Coordinators.sealingEvery(2, this.firstLog, 10, this.clock);

	private final RecordingLog secondLog = new RecordingLog();

	private final BatchCoordinator second = Coordinators.sealingEvery(2, this.secondLog, 10, this.clock);

	@AfterEach
	void close() {
		this.first.close();
		this.second.close();
	}

	@Test
	void inputEventsOfUndecidedBatchesAreSentAgainAndNumberingContinues() {
		this.first.start().join();
		// batch 1: TIDs 1-2 (partition 0, offsets 0-1); batch 2: TIDs 3-4 (partition 0 offset 2, partition 1 offset
		// 0); batch 3: TIDs 5-6 (partition 0, offset 3, one record of two)
		this.first.onInput(0, 0, record(CLIENT, 1, "reserve"));
		this.first.onInput(0, 1, record(CLIENT, 2, "restock"));
		this.first.onInput(0, 2, record(CLIENT, 3, "restock"));
		this.first.onInput(1, 0, record(CLIENT + 1, 1, "reserve"));
		this.first.onInput(0, 3, record(CLIENT, 4, "reserve", "restock"));
		this.first.onDone(done("stock", 1));
		this.first.onDone(done("audit", 1));
		assertThat(this.firstLog.committed()).extracting(BatchCommitted::batch).containsExactly(1L);
		// the crash: the second coordinator takes over from the control log alone
		Map<Integer, Long> start = this.second.resume(this.firstLog.control());

		assertThat(start).as("from the first undecided batch's records").containsExactly(Map.entry(0, 2L), Map.entry(1, 0L));
		this.second.start().join();
		this.second.onInput(0, 2, record(CLIENT, 3, "restock"));
		this.second.onInput(1, 0, record(CLIENT + 1, 1, "reserve"));
		this.second.onInput(0, 3, record(CLIENT, 4, "reserve", "restock"));
		assertThat(this.secondLog.inputEvents()).containsExactlyInAnyOrder("stock/2:3", "stock/2:4", "audit/2:4", "stock/3:5",
				"stock/3:6", "audit/3:5");
		assertThat(this.secondLog.sealed()).as("nothing sealed twice").isEmpty();
		// a record of a decided batch, read again, sends nothing
		this.secondLog.clearEvents();
		this.second.onInput(0, 1, record(CLIENT, 2, "restock"));
		assertThat(this.secondLog.inputEvents()).isEmpty();

		this.second.onInput(0, 4, record(CLIENT, 6, "restock", "restock"));
		assertThat(this.secondLog.sealed()).singleElement().satisfies(sealed -> {
			assertThat(sealed.batch()).isEqualTo(4);
			assertThat(sealed.firstTid()).isEqualTo(7);
			assertThat(sealed.inputs()).containsExactly(new BatchSealed.InputRange(0, 4, 5));
		});
		// the re-sent batches commit on their reports, then the new one
		List.of(2L, 3L).forEach(batch -> {
			this.second.onDone(done("stock", batch));
			this.second.onDone(done("audit", batch));
		});
		this.second.onDone(done("stock", 4));
		assertThat(this.secondLog.committed()).extracting(BatchCommitted::batch).containsExactly(2L, 3L, 4L);
	}

	@Test
	void whenEveryBatchIsDecidedNothingIsSentAgain() {
		this.first.start().join();
		this.first.onInput(0, 0, record(CLIENT, 1, "restock", "restock"));
		this.first.onDone(done("stock", 1));

		Map<Integer, Long> start = this.second.resume(this.firstLog.control());

		assertThat(start).containsExactly(Map.entry(0, 1L));
		this.second.onInput(0, 1, record(CLIENT, 2, "restock", "restock"));
		assertThat(this.secondLog.sealed()).singleElement()
			.satisfies(sealed -> assertThat(sealed.firstTid()).isEqualTo(3));
		assertThat(this.secondLog.inputEvents()).containsExactlyInAnyOrder("stock/2:3", "stock/2:4");
	}

	@Test
	void sealingTimesNeverGoBackwardsAcrossBatchesAndRestarts() {
		this.first.start().join();
		this.first.onInput(0, 0, record(CLIENT, 1, "restock", "restock"));
		this.clock.set(400); // the wall clock steps back
		this.first.onInput(0, 1, record(CLIENT, 3, "restock", "restock"));
		this.clock.set(2_500);
		this.first.onInput(0, 2, record(CLIENT, 5, "restock", "restock"));
		this.clock.set(2_000); // a restarted coordinator on a host whose clock is behind
		this.second.resume(this.firstLog.control());
		this.second.onInput(0, 3, record(CLIENT, 7, "restock", "restock"));

		assertThat(this.firstLog.sealed()).extracting(BatchSealed::sealedAt).containsExactly(1_000L, 1_000L, 2_500L);
		assertThat(this.secondLog.sealed()).extracting(BatchSealed::sealedAt).containsExactly(2_500L);
	}

	@Test
	void aTransactionItRejectedInAnUndecidedBatchIsDecidedAsByACoordinatorThatNeverStopped() {
		// "cancel" starts no transaction: the coordinator gives it a TID and aborts it itself
		RecordingLog uninterruptedLog = new RecordingLog();
		BatchCommitted uninterrupted;
		Map<AbortStatistics.Key, Long> uninterruptedStatistics;
		try (BatchCoordinator coordinator = Coordinators.sealingEvery(2, uninterruptedLog, 10, this.clock)) {
			coordinator.start().join();
			coordinator.onInput(0, 0, record(CLIENT, 1, "restock", "cancel"));
			coordinator.onDone(done("stock", 1));
			uninterrupted = uninterruptedLog.committed().get(0);
			uninterruptedStatistics = coordinator.statistics().aborts();
		}
		this.first.start().join();
		this.first.onInput(0, 0, record(CLIENT, 1, "restock", "cancel"));
		// the crash: batch 1 is sealed, stock has not reported it yet

		this.second.resume(this.firstLog.control());
		this.second.start().join();
		// stock's report is read before the input record: the batch is decided before its input is read again
		this.second.onDone(done("stock", 1));
		this.second.onInput(0, 0, record(CLIENT, 1, "restock", "cancel"));

		assertThat(uninterrupted.aborts()).singleElement().satisfies(abort -> {
			assertThat(abort.tid()).isEqualTo(2);
			assertThat(abort.vms()).as("rejected by the coordinator").isEmpty();
			assertThat(abort.handler()).isEmpty();
		});
		assertThat(this.secondLog.committed()).singleElement()
			.satisfies(committed -> assertThat(committed.aborts()).isEqualTo(uninterrupted.aborts()));
		assertThat(this.second.statistics().aborts()).isEqualTo(uninterruptedStatistics).hasSize(1);
	}

	@Test
	void aResumedBatchThatWaitsForNoReportIsDecidedWhenTheCoordinatorStarts() {
		this.first.start().join();
		this.first.onInput(0, 0, record(CLIENT, 1, "cancel", "cancel"));
		BatchCommitted decided = this.firstLog.committed().get(0);
		// the crash fell between the batch's sealing and its commit decision, which nobody waits for
		List<ControlRecord> history = this.firstLog.control().subList(0, 2);
		assertThat(history.get(1)).isInstanceOf(BatchSealed.class);

		this.second.resume(history);
		this.second.start().join();

		assertThat(this.secondLog.committed()).singleElement().satisfies(committed -> {
			assertThat(committed.batch()).isEqualTo(1);
			assertThat(committed.aborts()).isEqualTo(decided.aborts()).hasSize(2);
		});
		assertThat(this.second.status().undecidedBatches()).isZero();
	}

	/** A wall clock a test sets. */
	static final class MutableClock extends Clock {

		private final AtomicLong millis;

		MutableClock(long millis) {
			this.millis = new AtomicLong(millis);
		}

		void set(long millis) {
			this.millis.set(millis);
		}

		@Override
		public long millis() {
			return this.millis.get();
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
