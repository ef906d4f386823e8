package dev.vmodb.core.coordinator;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchCommitted;
import dev.vmodb.core.protocol.BatchDone;
import dev.vmodb.core.protocol.BatchRerun;
import dev.vmodb.core.protocol.BatchSealed;
import dev.vmodb.core.protocol.ControlRecord;
import dev.vmodb.core.protocol.ReadFrom;
import dev.vmodb.core.protocol.Result;
import dev.vmodb.core.protocol.TopologyAnnounced;

import static dev.vmodb.core.coordinator.Coordinators.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator runs a batch again as often as a transaction read a version of an aborted one, each time from a later
 * transaction, counts only the reports of the last re-run, and a coordinator resumed between re-runs continues their
 * epochs and decides as one that never stopped.
 */
class CoordinatorRerunUnitTests {

	private static final long CLIENT = 77;

	private final CoordinatorResumeUnitTests.MutableClock clock = new CoordinatorResumeUnitTests.MutableClock(1_000);

	private final RecordingLog firstLog = new RecordingLog();

	private final BatchCoordinator first = Coordinators.sealingEvery(4, this.firstLog, 10, this.clock);

	private final RecordingLog secondLog = new RecordingLog();

	private final BatchCoordinator second = Coordinators.sealingEvery(4, this.secondLog, 10, this.clock);

	@AfterEach
	void close() {
		this.first.close();
		this.second.close();
	}

	@Test
	void eachReRunStartsAfterThePreviousOneAndOnlyReportsOfTheLastCount() {
		this.first.start().join();
		this.first.onInput(0, 0, record(CLIENT, 1, "restock", "restock", "restock", "restock"));
		for (int epoch = 0; epoch < 3; epoch++) {
			this.first.onDone(report(epoch));
			// the done log read again: a report of the epoch just re-run counts no more
			this.first.onDone(report(epoch));
			this.first.onDone(new BatchDone("stock", 1, epoch, List.of(), List.of(), List.of(), List.of()));
		}
		this.first.onDone(report(3));

		assertThat(this.firstLog.control()).hasSize(6).element(1).isInstanceOf(BatchSealed.class);
		assertThat(this.firstLog.control().subList(2, 5)).containsExactly(new BatchRerun(1, 1, 2, new long[] { 1 }),
				new BatchRerun(2, 1, 3, new long[] { 1, 2 }), new BatchRerun(3, 1, 4, new long[] { 1, 2, 3 }));
		assertLastEpochCommitted(this.firstLog.control().get(5));
		assertThat(this.first.statistics().reruns()).isEqualTo(3);
		assertThat(this.first.statistics().rerunTransactions()).isEqualTo(3 + 2 + 1);
		assertThat(this.first.statistics().abortCount()).isEqualTo(3);
	}

	@Test
	void aCoordinatorResumedBetweenReRunsContinuesTheirEpochs() {
		this.first.start().join();
		this.first.onInput(0, 0, record(CLIENT, 1, "restock", "restock", "restock", "restock"));
		this.first.onDone(report(0));
		this.first.onDone(report(1));
		// the crash: two re-runs are decided, the reports of the second are not in yet

		this.second.resume(this.firstLog.control());
		this.second.start().join();
		this.second.onDone(report(0));
		this.second.onDone(report(1)); // read again from the done log: older than the last re-run
		this.second.onDone(report(2));
		this.second.onDone(report(3));

		assertThat(this.secondLog.control()).hasSize(3).element(0).isInstanceOf(TopologyAnnounced.class);
		assertThat(this.secondLog.control().get(1)).isEqualTo(new BatchRerun(3, 1, 4, new long[] { 1, 2, 3 }));
		assertLastEpochCommitted(this.secondLog.control().get(2));
	}

	/**
	 * The report of batch 1 (TIDs 1-4, at stock only) at an epoch: before epoch 3, the TID run again first aborts
	 * and the next one reads its version; at epoch 3 TID 4 commits with a result.
	 */
	private static BatchDone report(int epoch) {
		List<Abort> aborts = new ArrayList<>();
		for (long tid = 1; tid <= Math.min(epoch + 1, 3); tid++) {
			aborts.add(new Abort(tid, "stock", "S.restock", "failed at epoch " + Math.min(epoch, tid - 1)));
		}
		if (epoch == 3) {
			return new BatchDone("stock", 1, epoch, aborts, List.of(new Result(4, "restocked", new byte[] { 4 })),
					List.of(), List.of());
		}
		return new BatchDone("stock", 1, epoch, aborts, List.of(), List.of(new ReadFrom(epoch + 2, epoch + 1)), List.of());
	}

	private static void assertLastEpochCommitted(ControlRecord record) {
		assertThat(record).isInstanceOfSatisfying(BatchCommitted.class, committed -> {
			assertThat(committed.batch()).isEqualTo(1);
			assertThat(committed.aborts()).isEqualTo(report(3).aborts());
			assertThat(committed.results()).extracting(Result::tid).containsExactly(4L);
		});
	}

}
