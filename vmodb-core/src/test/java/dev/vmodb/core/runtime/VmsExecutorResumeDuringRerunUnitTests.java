package dev.vmodb.core.runtime;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchDone;

import static dev.vmodb.core.runtime.ScriptedCounters.add;
import static dev.vmodb.core.runtime.ScriptedCounters.counted;
import static dev.vmodb.core.runtime.ScriptedCounters.totals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VMS that crashes in the middle of a re-run and restarts from a checkpoint of the batch before, whose logs hold a
 * re-run of the checkpointed batch and later batches, reaches the state and reports of a VMS that never stopped,
 * whichever log it reads first.
 */
class VmsExecutorResumeDuringRerunUnitTests {

	/** Offsets just after records of the control log of {@link #writeLogs}: where a VMS has read up to at each step. */
	private static final int THROUGH_SEALED_2 = 3;

	private static final int THROUGH_RERUN_1 = 4;

	private static final int THROUGH_COMMITTED_1 = 5;

	private static final int THROUGH_RERUN_2 = 6;

	private static final int THROUGH_SEALED_3 = 8;

	private static final int THROUGH_COMMITTED_3 = 9;

	/** Offsets just after records of the event log of {@link #writeLogs}. */
	private static final int THROUGH_EPOCH_0 = 4;

	private static final int THROUGH_EPOCH_1 = 6;

	private static final int THROUGH_EPOCH_2_OF_BATCH_2 = 7;

	private static final int THROUGH_BATCH_3 = 9;

	private static final long TOTAL = 1 + 20 + 30 + 4 + 500 + 600 + 7;

	private final ScriptedCounters reference = new ScriptedCounters();

	private final ScriptedCounters restarted = new ScriptedCounters();

	@AfterEach
	void close() {
		this.reference.close();
		this.restarted.close();
	}

	/**
	 * Batch 1 (TIDs 1-2) runs again from TID 2 and commits; batch 2 (TIDs 3-5), sealed before that re-run, then runs
	 * again from TID 4 and commits; batch 3 (TIDs 6-7) follows. Source sends each relayed event at the epoch it had
	 * applied: TID 3's event of epoch 1 is final, TID 5's of epoch 2.
	 */
	private static void writeLogs(ScriptedCounters logs) {
		logs.announce(); // 0
		logs.seal(1, 1, "add", "relay"); // 1
		logs.seal(2, 3, "relay", "add", "relay"); // 2
		logs.rerun(1, 1, 2); // 3
		logs.commit(1, 2); // 4
		logs.rerun(2, 2, 4); // 5
		logs.commit(2, 5); // 6
		logs.seal(3, 6, "relay", "add"); // 7
		logs.commit(3, 7); // 8
		logs.inputs(1, add(1, 1, 1)); // 0
		logs.relayed(1, 0, counted(2, 1, 2)); // 1
		logs.inputs(2, add(4, 1, 4)); // 2
		logs.relayed(2, 0, counted(3, 1, 3), counted(5, 1, 5)); // 3
		logs.relayed(1, 1, counted(2, 1, 20)); // 4
		logs.relayed(2, 1, counted(3, 1, 30), counted(5, 1, 50)); // 5
		logs.relayed(2, 2, counted(5, 1, 500)); // 6
		logs.inputs(3, add(7, 1, 7)); // 7
		logs.relayed(3, 2, counted(6, 1, 600)); // 8
	}

	/** Runs the logs up to the re-run of batch 2, which the VMS reads: batch 1 is committed here, batch 2 is not. */
	private static void runUpToTheSecondReRun(ScriptedCounters.Vms counters) {
		counters.readControl(THROUGH_SEALED_2);
		counters.readEvents(THROUGH_EPOCH_0);
		counters.awaitReport(1, 0);
		counters.awaitReport(2, 0);
		counters.readControl(THROUGH_RERUN_1);
		counters.readEvents(THROUGH_EPOCH_1);
		counters.awaitReport(1, 1);
		counters.awaitReport(2, 1);
		counters.readControl(THROUGH_COMMITTED_1);
		assertThat(counters.committedBatch()).isEqualTo(1);
		counters.readControl(THROUGH_RERUN_2);
	}

	/** Runs the rest of the logs: the re-run of batch 2, its commit, and batch 3. */
	private static void runTheRest(ScriptedCounters.Vms counters) {
		counters.readControl(THROUGH_RERUN_2);
		counters.readEvents(THROUGH_EPOCH_2_OF_BATCH_2);
		counters.awaitReport(2, 2);
		counters.readControl(THROUGH_SEALED_3);
		counters.readEvents(THROUGH_BATCH_3);
		counters.awaitReport(3, 2);
		counters.readControl(THROUGH_COMMITTED_3);
	}

	@Test
	void withoutARestartTheLastEpochOfEachBatchCounts() {
		writeLogs(this.reference);
		ScriptedCounters.Vms counters = this.reference.start();
		runUpToTheSecondReRun(counters);
		runTheRest(counters);

		assertThat(counters.committedBatch()).isEqualTo(3);
		assertThat(counters.committedTotal(1)).isEqualTo(TOTAL);
		counters.checkpointNow();
		assertThat(this.reference.database.rows()).isEqualTo(Map.of(1L, TOTAL));
	}

	@ParameterizedTest
	@EnumSource(Restart.class)
	void aVmsRestartedInTheMiddleOfAReRunReachesTheStateOfOneThatNeverStopped(Restart restart) {
		writeLogs(this.reference);
		ScriptedCounters.Vms uninterrupted = this.reference.start();
		runUpToTheSecondReRun(uninterrupted);
		runTheRest(uninterrupted);
		uninterrupted.checkpointNow();

		writeLogs(this.restarted);
		ScriptedCounters.Vms crashed = this.restarted.start();
		runUpToTheSecondReRun(crashed);
		Checkpoint checkpoint = crashed.checkpointNow();
		// the checkpoint of batch 1 was written after its re-run had been applied: its logs continue at the sealing
		// of batch 2 and the first event of batch 2, and the re-run of batch 1 is read again from there
		assertThat(checkpoint.state().batch()).isEqualTo(1);
		assertThat(checkpoint.resume()).isEqualTo(new ResumePoint(2, 0, 2, 1));
		if (!restart.fromResumePoint) {
			// a database written before log positions were recorded: everything is read again
			this.restarted.database.checkpoint = new Checkpoint(checkpoint.state(), ResumePoint.BEGINNING);
		}
		// the crash: the re-run of batch 2 has begun (TID 5 waits for source's event of epoch 2), nothing is reported

		ScriptedCounters.Vms counters = this.restarted.start();
		if (restart.eventsFirst) {
			counters.readEvents(THROUGH_EPOCH_2_OF_BATCH_2);
			counters.readControl(THROUGH_RERUN_2);
		}
		else {
			counters.readControl(THROUGH_RERUN_2);
			counters.readEvents(THROUGH_EPOCH_2_OF_BATCH_2);
		}
		BatchDone batch2 = counters.awaitReport(2, 2);
		runTheRest(counters);
		counters.checkpointNow();

		assertThat(counters.committedTotal(1)).isEqualTo(TOTAL);
		assertThat(this.restarted.database.rows()).isEqualTo(this.reference.database.rows());
		BatchDone uninterruptedBatch2 = uninterrupted.awaitReport(2, 2);
		assertThat(totals(batch2)).isEqualTo(totals(uninterruptedBatch2)).containsExactly(51L, 55L, 555L);
		assertThat(batch2.aborts()).extracting(Abort::tid)
			.isEqualTo(uninterruptedBatch2.aborts().stream().map(Abort::tid).toList());
		assertThat(totals(counters.awaitReport(3, 2))).isEqualTo(totals(uninterrupted.awaitReport(3, 2)));
	}

	/** How the VMS restarts: from its checkpoint's resume point or from the beginning, reading which log first. */
	enum Restart {

		RESUME_POINT_EVENTS_FIRST(true, true),

		RESUME_POINT_CONTROL_FIRST(true, false),

		BEGINNING_EVENTS_FIRST(false, true),

		BEGINNING_CONTROL_FIRST(false, false);

		final boolean fromResumePoint;

		final boolean eventsFirst;

		Restart(boolean fromResumePoint, boolean eventsFirst) {
			this.fromResumePoint = fromResumePoint;
			this.eventsFirst = eventsFirst;
		}

	}

}
