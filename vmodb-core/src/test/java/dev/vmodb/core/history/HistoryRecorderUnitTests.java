package dev.vmodb.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;

import static dev.vmodb.core.history.Items.item;
import static dev.vmodb.core.history.Items.qty;
import static dev.vmodb.core.history.Items.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The recorder on real stores: what it keeps, immutable snapshots, and no lost event when handlers record from
 * several threads at once.
 */
class HistoryRecorderUnitTests {

	private final HistoryRecorder recorder = new HistoryRecorder();

	private final VersionedStore stock = Items.store("stock");

	private final VersionedTable items = this.stock.table("items");

	private final ExecutorService pool = Executors.newFixedThreadPool(8);

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@Test
	void recordsReadsWritesDeletionsStartsAndAborts() {
		this.stock.observe(this.recorder);
		this.recorder.applied("stock", 1, "add");
		run(1, tx -> this.items.insert(tx, item(1, 5, 0)));
		this.recorder.applied("stock", 2, "remove");
		run(2, tx -> {
			this.items.read(1L, tx.tid());
			this.items.delete(tx, 1L);
		});
		this.recorder.aborted(2);

		History history = this.recorder.snapshot();

		assertThat(history.reads()).containsExactly(new History.Read("stock", "items", 1L, 1, 0),
				new History.Read("stock", "items", 1L, 2, 1), new History.Read("stock", "items", 1L, 2, 1));
		assertThat(history.writes()).containsExactly(new History.Write("stock", "items", 1L, 1, false),
				new History.Write("stock", "items", 1L, 2, true));
		assertThat(history.applied()).containsExactly(new History.Applied("stock", 1, "add"),
				new History.Applied("stock", 2, "remove"));
		assertThat(history.aborted()).containsExactly(2L);
	}

	@Test
	void snapshotIsAnImmutableCopy() {
		this.stock.observe(this.recorder);
		run(1, tx -> this.items.insert(tx, item(1, 5, 0)));
		History before = this.recorder.snapshot();

		run(2, tx -> this.items.update(tx, item(1, 6, 0)));
		this.recorder.applied("stock", 2, "set");
		this.recorder.aborted(2);

		assertThat(before.reads()).hasSize(1);
		assertThat(before.writes()).hasSize(1);
		assertThat(before.applied()).isEmpty();
		assertThat(before.aborted()).isEmpty();
		assertThat(this.recorder.snapshot().writes()).hasSize(2);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> before.reads().clear());
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> before.aborted().add(3L));
	}

	@Test
	void concurrentRecordingLosesNothing() throws Exception {
		this.stock.observe(this.recorder);
		int threads = 8;
		int perThread = 5_000;
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean recording = new AtomicBoolean(true);
		// snapshots taken while handlers record must neither fail nor disturb them
		Future<Integer> snapshots = this.pool.submit(() -> {
			int taken = 0;
			start.await();
			while (recording.get()) {
				assertThat(this.recorder.snapshot().writes().size()).isLessThanOrEqualTo(threads * perThread * 2);
				taken++;
			}
			return taken;
		});
		List<Future<?>> handlers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long lane = t;
			// each thread owns its keys and runs the TIDs lane + 1, lane + 1 + threads, ...: together, TID order
			handlers.add(this.pool.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					long tid = lane + 1 + (long) i * threads;
					long id = lane * 10 + i % 10;
					this.recorder.applied("stock", tid, "lane-" + lane);
					run(tid, tx -> {
						Object[] row = this.items.read(id, tx.tid());
						if (row == null) {
							this.items.insert(tx, item(id, 1, 0));
						}
						else {
							this.items.update(tx, item(id, qty(row) + 1, 0));
						}
					});
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> handler : handlers) {
			handler.get(60, TimeUnit.SECONDS);
		}
		recording.set(false);
		assertThat(snapshots.get(60, TimeUnit.SECONDS)).isPositive();

		History history = this.recorder.snapshot();

		int transactions = threads * perThread;
		assertThat(history.reads()).hasSize(transactions * 2); // the read, then the insert's or update's check
		assertThat(history.writes()).hasSize(transactions);
		assertThat(history.applied()).hasSize(transactions);
		assertThat(history.writes()).extracting(History.Write::writerTid).doesNotHaveDuplicates();
		SerializabilityReport report = new SerializabilityChecker().check(history);
		assertThat(report.serialInTidOrder()).as(report.describe()).isTrue();
		assertThat(report.transactions()).isEqualTo(transactions);
	}

}
