package dev.vmodb.core.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.protocol.Abort;
import dev.vmodb.core.protocol.BatchDone;
import dev.vmodb.core.protocol.Result;

import static dev.vmodb.core.runtime.ScriptedCounters.add;
import static dev.vmodb.core.runtime.ScriptedCounters.counted;
import static dev.vmodb.core.runtime.ScriptedCounters.totals;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VMS told to run a batch again three times, each time from a later transaction, keeps and reports the outcome of
 * the last epoch only: events of an older epoch that arrive late are ignored, events of a newer one that arrive before
 * its re-run wait for it, and input events are kept to run again in every epoch.
 */
class VmsExecutorRerunUnitTests {

	private final ScriptedCounters logs = new ScriptedCounters();

	@AfterEach
	void close() {
		this.logs.close();
	}

	@Test
	void repeatedReRunsOfABatchLeaveTheStateAndReportsOfTheLastEpochOnly() {
		ScriptedCounters.Vms counters = this.logs.start();
		// batch 1: TIDs 1-4, batch 2 (pipelined): TIDs 5-6; every transaction adds to counter 1
		this.logs.announce();
		this.logs.seal(1, 1, "add", "relay", "add", "relay");
		this.logs.seal(2, 5, "relay", "add");
		this.logs.inputs(1, add(1, 1, 1), add(3, 1, 3));
		this.logs.relayed(1, 0, counted(2, 1, 2), counted(4, 1, 4));
		this.logs.inputs(2, add(6, 1, 6));
		this.logs.relayed(2, 0, counted(5, 1, 5));
		counters.readControl();
		counters.readEvents();
		assertThat(counters.awaitReport(1, 0).results()).extracting(Result::tid).containsExactly(1L, 2L, 3L, 4L);
		counters.awaitReport(2, 0);

		// epoch 1 from TID 2: source runs TIDs 2 and 4 again and counters aborts TID 4; source's event for TID 5 is
		// still on its way when the next re-run comes
		this.logs.rerun(1, 1, 2);
		counters.readControl();
		assertThat(counters.epoch()).as("nothing before TID 2 is left to run: the re-run applies at once").isEqualTo(1);
		this.logs.relayed(1, 1, counted(2, 1, 20), counted(4, 1, -40));
		counters.readEvents();
		BatchDone firstEpoch = counters.awaitReport(1, 1);
		assertThat(firstEpoch.aborts()).extracting(Abort::tid).containsExactly(4L);
		assertThat(totals(firstEpoch)).containsExactly(1L, 21L, 24L);

		// epoch 2 from TID 3; then source's event of epoch 1 for TID 5 arrives, late: it no longer counts
		this.logs.rerun(2, 1, 3);
		counters.readControl();
		assertThat(counters.epoch()).isEqualTo(2);
		this.logs.relayed(2, 1, counted(5, 1, 50));
		this.logs.relayed(1, 2, counted(4, 1, 400));
		this.logs.relayed(2, 2, counted(5, 1, 500));
		counters.readEvents();
		assertThat(counters.awaitReport(1, 2).aborts()).isEmpty();
		assertThat(totals(counters.awaitReport(2, 2))).containsExactly(924L, 930L);

		// source applies epoch 3 (from TID 4) and sends its events before counters reads that re-run: they wait for it
		this.logs.relayed(1, 3, counted(4, 1, 4_000));
		this.logs.relayed(2, 3, counted(5, 1, 5_000));
		counters.readEvents();
		this.logs.rerun(3, 1, 4);
		counters.readControl();
		BatchDone last = counters.awaitReport(1, 3);
		BatchDone lastOfBatch2 = counters.awaitReport(2, 3);
		this.logs.commit(1, 4);
		this.logs.commit(2, 6);
		counters.readControl();

		assertThat(counters.committedBatch()).isEqualTo(2);
		assertThat(counters.committedTotal(1)).isEqualTo(1 + 20 + 3 + 4_000 + 5_000 + 6);
		assertThat(last.aborts()).isEmpty();
		assertThat(totals(last)).containsExactly(1L, 21L, 24L, 4_024L);
		assertThat(totals(lastOfBatch2)).containsExactly(9_024L, 9_030L);
		assertThat(counters.reports()).extracting(done -> done.batch() + "@" + done.epoch())
			.as("one report per batch and epoch it finished; batch 2 never finished epoch 1")
			.containsExactly("1@0", "2@0", "1@1", "1@2", "2@2", "1@3", "2@3");
		assertThat(counters.service.runs).as("no handler of an older epoch ran after its re-run")
			.containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 2L, 3L, 4L, 3L, 4L, 5L, 6L, 4L, 5L, 6L);
	}

}
