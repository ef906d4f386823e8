package dev.vmodb.core.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.vmodb.core.runtime.ScriptedCounters.add;
import static dev.vmodb.core.runtime.ScriptedCounters.counted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A VMS that reads events of a batch before that batch's sealing holds them, runs them once the batch is planned
 * (after the re-run their epoch needs, if any) and never runs them twice when the records are read again.
 */
class VmsExecutorEarlyEventsUnitTests {

	private final ScriptedCounters logs = new ScriptedCounters();

	@AfterEach
	void close() {
		this.logs.close();
	}

	@Test
	void eventsReadBeforeTheirBatchIsSealedRunOnceItIsPlannedAndOnlyOnce() {
		ScriptedCounters.Vms counters = this.logs.start();
		this.logs.announce();
		counters.readControl();
		// the coordinator and source are ahead of this VMS's control log: events of batches 1 and 2 come first
		this.logs.inputs(1, add(1, 1, 1), add(2, 1, 2));
		this.logs.relayed(1, 0, counted(3, 1, 3));
		this.logs.inputs(2, add(4, 1, 4));
		this.logs.relayed(2, 0, counted(5, 1, 5));
		counters.readEvents();
		counters.rereadEvents(0); // and the event log is read again before the batches are sealed
		assertThat(counters.service.runs).as("nothing runs before its batch is planned").isEmpty();

		this.logs.seal(1, 1, "add", "add", "relay");
		this.logs.seal(2, 4, "add", "relay");
		counters.readControl();
		counters.awaitReport(1, 0);
		counters.awaitReport(2, 0);
		// both logs are read again from their beginning, as after a reconnection
		counters.rereadControl(0);
		counters.rereadEvents(0);
		// a later batch runs after anything scheduled before it at this VMS: once it is reported, nothing else runs
		this.logs.seal(3, 6, "add");
		this.logs.inputs(3, add(6, 1, 6));
		counters.readControl();
		counters.readEvents();
		counters.awaitReport(3, 0);
		this.logs.commit(1, 3);
		this.logs.commit(2, 5);
		this.logs.commit(3, 6);
		counters.readControl();

		assertThat(counters.service.runs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(counters.reports()).extracting(done -> done.batch() + "@" + done.epoch())
			.containsExactly("1@0", "2@0", "3@0");
		assertThat(counters.committedTotal(1)).isEqualTo(1 + 2 + 3 + 4 + 5 + 6);
	}

	@Test
	void earlyEventsOfANewerEpochWaitForTheReRunOfTheirEpoch() {
		ScriptedCounters.Vms counters = this.logs.start();
		this.logs.announce();
		this.logs.seal(1, 1, "add", "relay");
		this.logs.inputs(1, add(1, 1, 1));
		this.logs.relayed(1, 0, counted(2, 1, 2));
		counters.readControl();
		counters.readEvents();
		counters.awaitReport(1, 0);
		// meanwhile batch 2 is sealed, source runs it, the coordinator runs batch 1 again from TID 2 and source
		// applies that re-run; this VMS reads all of source's events before the sealing and the re-run
		this.logs.seal(2, 3, "relay");
		this.logs.rerun(1, 1, 2);
		this.logs.relayed(2, 0, counted(3, 1, 3));
		this.logs.relayed(1, 1, counted(2, 1, 20));
		this.logs.relayed(2, 1, counted(3, 1, 30));
		counters.readEvents();
		counters.readControl();
		counters.awaitReport(1, 1);
		counters.awaitReport(2, 1);
		this.logs.commit(1, 2);
		this.logs.commit(2, 3);
		counters.readControl();

		assertThat(counters.committedBatch()).isEqualTo(2);
		assertThat(counters.committedTotal(1)).isEqualTo(1 + 20 + 30);
	}

}
