package dev.vmodb.core.history;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.vmodb.core.scheduler.ExecutionMode;
import dev.vmodb.core.scheduler.ScheduledTask;
import dev.vmodb.core.scheduler.VmsScheduler;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;

import static dev.vmodb.core.history.Items.item;
import static dev.vmodb.core.history.Items.qty;
import static dev.vmodb.core.history.Items.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Histories recorded while the real scheduler runs handlers on its threads: two read-modify-writes of one item,
 * declared so that they are kept apart, and declared (wrongly) parallel and made to race.
 */
class SchedulerHistoryIntegrationTests {

	private final HistoryRecorder recorder = new HistoryRecorder();

	private final VersionedStore stock = Items.store("stock");

	private final VersionedTable items = this.stock.table("items");

	private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

	SchedulerHistoryIntegrationTests() {
		this.stock.observe(this.recorder);
	}

	@Test
	void handlersOfOnePartitionAreSerialInTidOrder() throws Exception {
		CountDownLatch done = new CountDownLatch(2);
		try (VmsScheduler scheduler = new VmsScheduler("stock", 2, 0)) {
			scheduler.submit(new ScheduledTask(1, 0, ExecutionMode.PARTITIONED, 7, task(1, null, null, done)));
			scheduler.submit(new ScheduledTask(2, 1, ExecutionMode.PARTITIONED, 7, task(2, null, null, done)));
			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		}

		SerializabilityReport report = new SerializabilityChecker().check(this.recorder.snapshot());

		assertThat(this.failures).isEmpty();
		assertThat(report.serialInTidOrder()).as(report.describe()).isTrue();
		assertThat(qty(this.items.read(1L, 2))).isEqualTo(2);
	}

	@Test
	void racingHandlersWronglyDeclaredParallelAreCaught() throws Exception {
		CountDownLatch secondRead = new CountDownLatch(1);
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(2);
		try (VmsScheduler scheduler = new VmsScheduler("stock", 2, 0)) {
			// round-robin puts them on two lanes; T2 reads before T1 writes and writes after it: a lost update
			scheduler.submit(new ScheduledTask(1, 0, ExecutionMode.PARALLEL, null, task(1, secondRead, firstWrote, done)));
			scheduler.submit(new ScheduledTask(2, 1, ExecutionMode.PARALLEL, null, task(2, firstWrote, secondRead, done)));
			assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		}

		SerializabilityReport report = new SerializabilityChecker().check(this.recorder.snapshot());

		assertThat(this.failures).isEmpty();
		assertThat(qty(this.items.read(1L, 2))).as("the update of T1 is lost").isEqualTo(1);
		assertThat(report.serializable()).isFalse();
		assertThat(report.cycle()).extracting(Dependency::describe).containsExactly(
				"T1 -WW-> T2 on stock/items[1]: T2 overwrote the version T1 wrote",
				"T2 -RW-> T1 on stock/items[1]: T2 read no version, T1 wrote the next one"
						+ " [backward: T2 missed the write of the earlier T1]");
	}

	/**
	 * A handler incrementing item 1, optionally waiting before its write and signalling after its read or write.
	 * @param tid the transaction
	 * @param awaitBeforeWrite what to wait for between read and write, or {@code null}
	 * @param signal what to count down once it read (T2) or wrote (T1), or {@code null}
	 * @param done counted down at the end
	 */
	private Runnable task(long tid, CountDownLatch awaitBeforeWrite, CountDownLatch signal, CountDownLatch done) {
		return () -> {
			try {
				run(tid, tx -> {
					Object[] row = this.items.read(1L, tx.tid());
					if (tid == 2 && signal != null) {
						signal.countDown();
					}
					await(awaitBeforeWrite);
					this.items.upsert(tx, item(1, (row != null) ? qty(row) + 1 : 1, 0));
					if (tid == 1 && signal != null) {
						signal.countDown();
					}
				});
			}
			catch (Throwable ex) {
				this.failures.add(ex);
			}
			finally {
				done.countDown();
			}
		};
	}

	private static void await(CountDownLatch latch) {
		try {
			if (latch != null && !latch.await(5, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the other handler did not get there: are they on one lane?");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
