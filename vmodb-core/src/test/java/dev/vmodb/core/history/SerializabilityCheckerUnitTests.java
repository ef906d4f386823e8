package dev.vmodb.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;

import static dev.vmodb.core.history.Items.item;
import static dev.vmodb.core.history.Items.qty;
import static dev.vmodb.core.history.Items.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The serializability checker on histories recorded from real stores, run serially or deliberately out of TID
 * order, and on hand-built histories: it must accept what is serial in TID order and find, and describe, every
 * cycle and backward dependency.
 */
class SerializabilityCheckerUnitTests {

	private static final long SEED = Long.getLong("vmodb.test.seed", 20_240_611L);

	private final HistoryRecorder recorder = new HistoryRecorder();

	private final VersionedStore stock = Items.store("stock");

	private final VersionedTable items = this.stock.table("items");

	private final SerializabilityChecker checker = new SerializabilityChecker();

	@BeforeEach
	void observe() {
		this.stock.observe(this.recorder);
	}

	private SerializabilityReport check() {
		return this.checker.check(this.recorder.snapshot());
	}

	/** A read-modify-write of an item's quantity, inserting it when absent, as one handler. */
	private void increment(long tid, long id) {
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

	// --- serial histories pass ----------------------------------------------------------------------------------

	@Test
	void serialExecutionAcrossVmssIsSerializableInTidOrder() {
		VersionedStore orders = Items.store("orders");
		orders.observe(this.recorder);
		List<VersionedStore> stores = List.of(this.stock, orders);
		Random random = new Random(SEED);
		int transactions = 3_000;
		int aborted = 0;
		long batch = 1;
		for (long tid = 1; tid <= transactions; tid++) {
			List<VersionedStore> touched = random.nextInt(4) == 0 ? stores : List.of(stores.get(random.nextInt(2)));
			boolean abort = random.nextInt(20) == 0;
			TransactionContext tx = run(tid, batch, t -> {
				for (VersionedStore store : touched) {
					this.recorder.applied(store.vms(), t.tid(), "random");
					randomWork(store.table("items"), t, random);
				}
			});
			if (abort) {
				touched.forEach(store -> store.discard(tx));
				this.recorder.aborted(tid);
				aborted++;
			}
			if (tid % 50 == 0) {
				// commits prune, dropping deleted keys: later readers then find no version at all
				for (VersionedStore store : stores) {
					store.commit(batch, tid);
				}
				batch++;
			}
		}

		SerializabilityReport report = check();

		assertThat(report.serialInTidOrder()).as(report.describe()).isTrue();
		assertThat(report.transactions()).isEqualTo(transactions - aborted);
		assertThat(report.dependencies()).allSatisfy((kind, count) -> assertThat(count).as(kind.name()).isGreaterThan(100));
		assertThat(report.describe()).startsWith("Serializable in TID order: " + (transactions - aborted) + " committed");
	}

	private static void randomWork(VersionedTable table, TransactionContext tx, Random random) {
		long id = 1 + random.nextInt(40);
		int category = random.nextInt(4);
		switch (random.nextInt(6)) {
			case 0, 1 -> {
				Object[] row = table.read(id, tx.tid());
				if (row == null) {
					table.insert(tx, item(id, 1, category));
				}
				else {
					table.update(tx, item(id, qty(row) + 1, category));
				}
			}
			case 2 -> table.delete(tx, id);
			case 3 -> table.upsert(tx, item(id, random.nextInt(100), category));
			case 4 -> {
				long[] total = new long[1];
				table.forEachIndexed(0, category, tx.tid(), row -> total[0] += qty(row));
				table.upsert(tx, item(100 + category, total[0], category));
			}
			default -> {
				long[] count = new long[1];
				table.forEachVisible(tx.tid(), row -> count[0]++);
				if (count[0] < 30) {
					table.upsert(tx, item(id, count[0], category));
				}
			}
		}
	}

	@Test
	void readsOfAbsentKeysComeBeforeTheInsert() {
		run(1, tx -> assertThat(this.items.read(7L, tx.tid())).isNull());
		run(2, tx -> this.items.forEachIndexed(0, 0, tx.tid(), row -> {
		}));
		run(3, tx -> this.items.insert(tx, item(7, 1, 0)));
		run(4, tx -> this.items.forEachVisible(tx.tid(), row -> {
		}));

		SerializabilityReport report = check();

		assertThat(report.serialInTidOrder()).as(report.describe()).isTrue();
		assertThat(report.dependencies()).containsEntry(DependencyKind.RW, 1).containsEntry(DependencyKind.WR, 1);
	}

	@Test
	void readOfAKeyWhoseDeletionWasPrunedSeesTheDeletion() {
		increment(1, 7);
		run(2, tx -> this.items.delete(tx, 7L));
		this.stock.commit(1, 2); // nobody can see the row any more: the key goes entirely
		run(3, 2, tx -> assertThat(this.items.read(7L, tx.tid())).isNull());
		History history = this.recorder.snapshot();
		assertThat(history.reads()).contains(new History.Read("stock", "items", 7L, 3, 0));

		SerializabilityReport report = this.checker.check(history);

		assertThat(report.serialInTidOrder()).as(report.describe()).isTrue();
		// told a plain write instead, the checker sees T3 miss the row T1 inserted
		History deletionsUnknown = new History(history.reads(),
				history.writes().stream().map(w -> new History.Write(w.vms(), w.table(), w.key(), w.writerTid(), false)).toList(),
				history.applied(), history.aborted());
		SerializabilityReport misread = this.checker.check(deletionsUnknown);
		assertThat(misread.serialInTidOrder()).isFalse();
		assertThat(misread.backwardEdges()).extracting(Dependency::describe)
			.containsExactly("T3 -RW-> T1 on stock/items[7]: T3 read no version, T1 wrote the next one"
					+ " [backward: T3 missed the write of the earlier T1]");
	}

	@Test
	void ownReadsAndRewritesAreNoDependencies() {
		run(1, tx -> {
			this.items.insert(tx, item(1, 1, 0));
			this.items.update(tx, item(1, 2, 0));
			this.items.read(1L, tx.tid());
		});

		SerializabilityReport report = check();

		assertThat(report.serialInTidOrder()).isTrue();
		assertThat(report.transactions()).isEqualTo(1);
		assertThat(report.dependencyCount()).isZero();
	}

	// --- histories that are not serial in TID order -------------------------------------------------------------

	@Test
	void lostUpdateIsACycle() {
		// T2 runs before T1 (as a wrongly declared parallel handler could): both read the same version
		increment(2, 1);
		increment(1, 1);

		SerializabilityReport report = check();

		assertThat(report.serializable()).isFalse();
		assertThat(report.cycle()).extracting(Dependency::describe).containsExactly(
				"T1 -WW-> T2 on stock/items[1]: T2 overwrote the version T1 wrote",
				"T2 -RW-> T1 on stock/items[1]: T2 read no version, T1 wrote the next one"
						+ " [backward: T2 missed the write of the earlier T1]");
		assertThat(report.describe()).startsWith("NOT serializable: 2 committed transactions, 2 dependencies")
			.contains("Cycle through 2 transactions:\n  T1 -WW-> T2")
			.contains("1 dependencies point backwards in TID order:\n  T2 -RW-> T1");
	}

	@Test
	void writeSkewIsACycle() {
		// T2 and T3 each check both items and take one; T3 ran first and could not see T2's take
		run(1, tx -> {
			this.items.insert(tx, item(1, 1, 0));
			this.items.insert(tx, item(2, 1, 0));
		});
		run(3, tx -> {
			long both = qty(this.items.read(1L, tx.tid())) + qty(this.items.read(2L, tx.tid()));
			this.items.update(tx, item(2, both - 1, 0));
		});
		run(2, tx -> {
			long both = qty(this.items.read(1L, tx.tid())) + qty(this.items.read(2L, tx.tid()));
			this.items.update(tx, item(1, both - 1, 0));
		});

		SerializabilityReport report = check();

		assertThat(report.serializable()).isFalse();
		assertThat(report.cycle()).extracting(Dependency::from, Dependency::to, Dependency::kind, Dependency::key)
			.containsExactly(tuple(2L, 3L, DependencyKind.RW, 2L),
					tuple(3L, 2L, DependencyKind.RW, 1L));
		assertThat(report.backwardEdges()).extracting(Dependency::from, Dependency::to).containsExactly(
				tuple(3L, 2L));
	}

	@Test
	void duplicateInsertIsACycle() {
		// both inserts found the key absent, because T2 ran first: the insert's existence check is a read
		run(2, tx -> this.items.insert(tx, item(1, 2, 0)));
		run(1, tx -> this.items.insert(tx, item(1, 1, 0)));

		SerializabilityReport report = check();

		assertThat(report.serializable()).isFalse();
		assertThat(report.cycle()).extracting(Dependency::kind).containsExactly(DependencyKind.WW, DependencyKind.RW);
	}

	@Test
	void staleReadWithoutCycleIsABackwardDependency() {
		// T2 looks for an item before T1 inserts it: serializable (T2 before T1), but not in TID order
		run(2, tx -> assertThat(this.items.read(1L, tx.tid())).isNull());
		run(1, tx -> this.items.insert(tx, item(1, 1, 0)));

		SerializabilityReport report = check();

		assertThat(report.serializable()).isTrue();
		assertThat(report.serialInTidOrder()).isFalse();
		assertThat(report.cycle()).isEmpty();
		assertThat(report.backwardEdges()).extracting(Dependency::describe).containsExactly(
				"T2 -RW-> T1 on stock/items[1]: T2 read no version, T1 wrote the next one"
						+ " [backward: T2 missed the write of the earlier T1]");
		assertThat(report.describe()).startsWith("Serializable, but not in TID order");
	}

	@Test
	void readingTheFutureIsABackwardWriteRead() {
		increment(1, 1);
		increment(3, 1);
		// T2 reads at a wrong TID and sees the version of T3
		run(2, tx -> this.items.read(1L, 5));

		SerializabilityReport report = check();

		assertThat(report.backwardEdges()).extracting(Dependency::describe)
			.containsExactly("T3 -WR-> T2 on stock/items[1]: T2 read the version T3 wrote"
					+ " [backward: T2 saw the write of the later T3]");
		assertThat(report.serialInTidOrder()).isFalse();
	}

	@Test
	void cycleAcrossVmssNamesBothKeys() {
		HistoryRecorder recorder = new HistoryRecorder();
		recorder.read("stock", "items", 1L, 1, 0);
		recorder.wrote("stock", "items", 1L, 2);
		recorder.read("orders", "orders", 9L, 2, 0);
		recorder.wrote("orders", "orders", 9L, 1);

		SerializabilityReport report = this.checker.check(recorder.snapshot());

		assertThat(report.cycle()).extracting(Dependency::describe).containsExactly(
				"T1 -RW-> T2 on stock/items[1]: T1 read no version, T2 wrote the next one",
				"T2 -RW-> T1 on orders/orders[9]: T2 read no version, T1 wrote the next one"
						+ " [backward: T2 missed the write of the earlier T1]");
	}

	@Test
	void reportedCycleIsAShortestOneThroughTheTransactionFound() {
		HistoryRecorder recorder = new HistoryRecorder();
		// T1 -> T2 -> ... -> T6 -> T1 by reads of each predecessor's write, plus the shortcut T2 -> T6
		for (long tid = 1; tid <= 6; tid++) {
			recorder.wrote("a", "t", tid, tid);
			recorder.read("a", "t", (tid == 1) ? 6L : tid - 1, tid, (tid == 1) ? 6 : tid - 1);
		}
		recorder.read("a", "t", 2L, 6, 2);

		SerializabilityReport report = this.checker.check(recorder.snapshot());

		assertThat(report.cycle()).extracting(Dependency::from, Dependency::to)
			.containsExactly(tuple(1L, 2L), tuple(2L, 6L),
					tuple(6L, 1L));
	}

	// --- aborted transactions -----------------------------------------------------------------------------------

	@Test
	void abortedTransactionsAndTheirWritesAreLeftOut() {
		increment(2, 1);
		TransactionContext first = run(1, tx -> {
			Object[] row = this.items.read(1L, tx.tid());
			this.items.insert(tx, item(1, (row != null) ? qty(row) + 1 : 1, 0));
		});
		assertThat(check().serializable()).as("the lost update counts while T1 is committed").isFalse();

		this.stock.discard(first);
		this.recorder.aborted(1);
		SerializabilityReport report = check();

		assertThat(report.serialInTidOrder()).as(report.describe()).isTrue();
		assertThat(report.transactions()).isEqualTo(1);
	}

	@Test
	void readOfAnAbortedVersionIsReported() {
		increment(1, 1);
		increment(2, 1);
		this.recorder.aborted(1);

		SerializabilityReport report = check();

		assertThat(report.serializable()).isFalse();
		assertThat(report.cycle()).isEmpty();
		assertThat(report.abortedReads()).containsExactly(new History.Read("stock", "items", 1L, 2, 1));
		assertThat(report.describe()).contains("1 reads by committed transactions saw versions of aborted ones:\n"
				+ "  T2 read stock/items[1] version T1");
	}

	// --- long histories -----------------------------------------------------------------------------------------

	@Test
	void longHistoriesAreCheckedWithoutRecursion() {
		int transactions = 100_000;
		HistoryRecorder recorder = new HistoryRecorder();
		// every transaction reads its predecessor's write: one dependency path through all of them
		for (long tid = 1; tid <= transactions; tid++) {
			recorder.wrote("a", "t", tid, tid);
			if (tid > 1) {
				recorder.read("a", "t", tid - 1, tid, tid - 1);
			}
		}
		SerializabilityReport acyclic = this.checker.check(recorder.snapshot());
		assertThat(acyclic.serialInTidOrder()).isTrue();
		assertThat(acyclic.dependencyCount()).isEqualTo(transactions - 1);

		// the first reads the last one's write: the cycle runs through every transaction
		recorder.read("a", "t", (long) transactions, 1, transactions);
		SerializabilityReport cyclic = this.checker.check(recorder.snapshot());

		assertThat(cyclic.cycle()).hasSize(transactions);
		assertThat(cyclic.cycle().get(0).from()).isEqualTo(1);
		assertThat(cyclic.describe()).contains("Cycle through " + transactions + " transactions")
			.contains("... and " + (transactions - 20) + " more")
			.hasLineCount(1 + 1 + 20 + 1 + 1 + 1);
	}

	@Test
	void dependenciesAreCountedOnce() {
		List<Long> readers = new ArrayList<>();
		increment(1, 1);
		for (long tid = 2; tid <= 4; tid++) {
			readers.add(tid);
			run(tid, tx -> {
				this.items.read(1L, tx.tid());
				this.items.read(1L, tx.tid());
			});
		}

		SerializabilityReport report = check();

		assertThat(report.dependencies()).containsEntry(DependencyKind.WR, readers.size())
			.containsEntry(DependencyKind.WW, 0)
			.containsEntry(DependencyKind.RW, 0);
	}

}
