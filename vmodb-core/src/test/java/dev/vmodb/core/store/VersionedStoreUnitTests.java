package dev.vmodb.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.tx.TransactionContext;

import static dev.vmodb.core.store.VersionedTableUnitTests.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The store of one VMS: commit and snapshot visibility, pruning under open snapshots, net changes for
 * checkpoints, and commit order.
 */
class VersionedStoreUnitTests {

	private final VersionedStore store = new VersionedStore("bank", List.of(VersionedTableUnitTests.accounts()));

	private final VersionedTable accounts = this.store.table("ACCOUNTS");

	private final ExecutorService pool = Executors.newFixedThreadPool(3);

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	private static TransactionContext tx(long tid, long batch) {
		return new TransactionContext(tid, batch, TransactionType.READ_WRITE);
	}

	private Long balanceAt(long id, long tid) {
		Object[] row = this.accounts.read(id, tid);
		return (row != null) ? (Long) row[2] : null;
	}

	@Test
	void commitMakesABatchVisibleToNewSnapshots() {
		this.accounts.insert(tx(1, 1), account(1L, "ann", 100, "a@x", 1));
		this.accounts.insert(tx(2, 1), account(2L, "bob", 100, "b@x", 1));

		try (Snapshot before = this.store.openSnapshot()) {
			assertThat(before.mark()).isEqualTo(CommitMark.INITIAL);
			assertThat(this.accounts.read(1L, before.tid())).isNull();
		}
		this.store.commit(1, 2);
		this.accounts.update(tx(3, 2), account(1L, "ann", 50, "a@x", 1)); // batch 2, not committed yet

		try (Snapshot after = this.store.openSnapshot()) {
			assertThat(after.mark()).isEqualTo(new CommitMark(1, 2));
			assertThat(this.store.committed()).isEqualTo(new CommitMark(1, 2));
			assertThat(balanceAt(1L, after.tid())).isEqualTo(100);
			assertThat(balanceAt(2L, after.tid())).isEqualTo(100);
			assertThat(this.store.openSnapshots()).isEqualTo(1);
		}
		assertThat(this.store.openSnapshots()).isZero();
		this.store.commit(2, 3);
		try (Snapshot last = this.store.openSnapshot()) {
			assertThat(balanceAt(1L, last.tid())).isEqualTo(50);
		}
	}

	@Test
	void withoutOpenSnapshotsCommitPrunesEverythingOlderThanTheNewestVersion() {
		this.accounts.insert(tx(1, 1), account(1L, "ann", 100, "a@x", 1));
		this.accounts.insert(tx(1, 1), account(2L, "bob", 100, "b@x", 1));
		this.store.commit(1, 1);
		this.accounts.update(tx(2, 2), account(1L, "ann", 200, "a@x", 1));
		this.accounts.delete(tx(2, 2), 2L);
		assertThat(balanceAt(1L, 1)).as("not pruned before commit").isEqualTo(100);
		this.store.commit(2, 2);

		assertThat(balanceAt(1L, 1)).as("pruned: no reader can be at TID 1 any more").isNull();
		assertThat(balanceAt(1L, 2)).isEqualTo(200);
		assertThat(this.accounts.keyCount()).as("the deleted key is gone").isEqualTo(1);
	}

	@Test
	void openSnapshotKeepsItsVersionsThroughLaterCommitsUntilClosed() {
		this.accounts.insert(tx(1, 1), account(1L, "ann", 100, "a@x", 1));
		this.accounts.insert(tx(2, 1), account(2L, "bob", 100, "b@x", 1));
		this.store.commit(1, 2);

		Snapshot snapshot = this.store.openSnapshot();
		this.accounts.update(tx(3, 2), account(1L, "ann", 200, "a@x", 1));
		this.accounts.delete(tx(3, 2), 2L);
		this.store.commit(2, 3);
		this.accounts.update(tx(4, 3), account(1L, "ann", 300, "a@x", 1));
		this.store.commit(3, 4);

		assertThat(balanceAt(1L, snapshot.tid())).isEqualTo(100);
		assertThat(balanceAt(2L, snapshot.tid())).isEqualTo(100);
		assertThat(balanceAt(1L, 3)).isEqualTo(200);
		assertThat(this.accounts.keyCount()).isEqualTo(2);
		List<Long> indexed = new ArrayList<>();
		this.accounts.forEachIndexed(0, "b@x", snapshot.tid(), row -> indexed.add((Long) row[0]));
		assertThat(indexed).containsExactly(2L);

		snapshot.close();
		snapshot.close(); // closing twice is harmless
		assertThat(this.store.openSnapshots()).isZero();
		this.store.commit(4, 4); // a batch that did not touch the store still prunes what the snapshot held back

		assertThat(balanceAt(1L, 2)).as("versions only the snapshot needed are dropped").isNull();
		assertThat(balanceAt(1L, 3)).isNull();
		assertThat(balanceAt(1L, 4)).isEqualTo(300);
		assertThat(this.accounts.keyCount()).as("the deleted key is gone").isEqualTo(1);
		indexed.clear();
		this.accounts.forEachIndexed(0, "b@x", 2, row -> indexed.add((Long) row[0]));
		assertThat(indexed).isEmpty();
	}

	@Test
	void snapshotsOpenedConcurrentlyWithCommitsAlwaysSeeTheirState() throws Exception {
		// batch b writes both accounts at TID b, tagged with b and summing to 1000; readers check each snapshot is exactly
		// the state of its batch and stays so while later batches commit and prune
		int batches = 3000;
		this.accounts.insert(tx(1, 1), account(1L, "ann", 999, "a1", 1));
		this.accounts.insert(tx(1, 1), account(2L, "bob", 1, "b1", 1));
		this.store.commit(1, 1);
		AtomicBoolean done = new AtomicBoolean();
		List<Future<Integer>> readers = new ArrayList<>();
		for (int r = 0; r < 2; r++) {
			readers.add(this.pool.submit(() -> {
				int checked = 0;
				while (!done.get()) {
					try (Snapshot snapshot = this.store.openSnapshot()) {
						long tid = snapshot.tid();
						for (int repeat = 0; repeat < 3; repeat++) {
							Object[] a = this.accounts.read(1L, tid);
							Object[] b = this.accounts.read(2L, tid);
							if (a == null || b == null || !a[3].equals("a" + tid) || !b[3].equals("b" + tid)
									|| (Long) a[2] + (Long) b[2] != 1000) {
								throw new AssertionError("snapshot at TID " + tid + " read " + java.util.Arrays.toString(a)
										+ " and " + java.util.Arrays.toString(b));
							}
							Thread.yield();
						}
						checked++;
					}
				}
				return checked;
			}));
		}
		Future<?> writer = this.pool.submit(() -> {
			for (long b = 2; b <= batches; b++) {
				this.accounts.update(tx(b, b), account(1L, "ann", 1000 - b % 1000, "a" + b, 1));
				this.accounts.update(tx(b, b), account(2L, "bob", b % 1000, "b" + b, 1));
				this.store.commit(b, b);
			}
			done.set(true);
		});
		writer.get(30, TimeUnit.SECONDS);
		int checked = 0;
		for (Future<Integer> reader : readers) {
			checked += reader.get(30, TimeUnit.SECONDS);
		}
		assertThat(checked).isPositive();
		assertThat(this.store.openSnapshots()).isZero();
		this.store.commit(batches + 1, batches);
		assertThat(balanceAt(1L, batches - 1)).as("everything older than the newest version is pruned").isNull();
	}

	@Test
	void changesHoldOneEntryPerChangedRowWithItsStateAtTheTarget() {
		this.accounts.insert(tx(1, 1), account(1L, "ann", 100, "a@x", 1));
		this.accounts.insert(tx(2, 1), account(2L, "bob", 100, "b@x", 1));
		this.accounts.insert(tx(3, 1), account(3L, "cid", 100, "c@x", 1));
		this.store.commit(1, 3);
		CommitMark first = this.store.committed();

		this.accounts.update(tx(4, 2), account(1L, "ann", 90, "a@x", 1));
		TransactionContext fifth = tx(5, 2);
		this.accounts.update(fifth, account(1L, "ann", 80, "a@x", 1));
		this.accounts.delete(fifth, 2L);
		this.accounts.insert(tx(6, 2), account(4L, "dan", 10, "d@x", 1));
		this.accounts.insert(tx(6, 2), account(5L, "eve", 10, "e@x", 1));
		this.accounts.delete(tx(7, 2), 5L); // inserted and deleted within the range
		TransactionContext aborted = tx(7, 2);
		this.accounts.update(aborted, account(3L, "cid", 0, "c@x", 1));
		this.store.discard(aborted);
		this.store.commit(2, 7);
		CommitMark second = this.store.committed();
		// batch 3 is running, not committed: it must not leak into the changes up to batch 2
		this.accounts.insert(tx(8, 3), account(2L, "bob", 1, "b@x", 1));
		this.accounts.update(tx(8, 3), account(1L, "ann", 1, "a@x", 1));

		try (Snapshot snapshot = this.store.openSnapshot()) { // as the checkpointer does: after the commit
			assertThat(snapshot.mark()).isEqualTo(second);

			Map<Long, Long> upserts = new HashMap<>();
			List<Object> deletes = new ArrayList<>();
			collect(this.store.changes(first, second), upserts, deletes);
			assertThat(upserts).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 80L, 4L, 10L));
			assertThat(deletes).as("the deleted row must reach the database").contains(2L);
			assertThat(deletes).doesNotContain(1L, 3L, 4L).doesNotHaveDuplicates();

			upserts.clear();
			deletes.clear();
			collect(this.store.changes(CommitMark.INITIAL, second), upserts, deletes);
			assertThat(upserts).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 80L, 3L, 100L, 4L, 10L));
			assertThat(deletes).contains(2L).doesNotContain(1L, 3L, 4L).doesNotHaveDuplicates();

			upserts.clear();
			deletes.clear();
			collect(this.store.changes(second, second), upserts, deletes);
			assertThat(upserts).isEmpty();
			assertThat(deletes).isEmpty();
		}
	}

	@Test
	void changesAreEmptyForTablesThatDidNotChangeAndForgottenOnceCheckpointed() {
		this.accounts.insert(tx(1, 1), account(1L, "ann", 100, "a@x", 1));
		this.store.commit(1, 1);
		try (Snapshot snapshot = this.store.openSnapshot()) {
			List<TableChanges> changes = this.store.changes(CommitMark.INITIAL, snapshot.mark());
			assertThat(changes).hasSize(1);
			assertThat(changes.get(0).table().name()).isEqualTo("accounts");
			assertThat(changes.get(0).size()).isEqualTo(1);
		}
		this.store.releaseCheckpointed(1);
		this.store.commit(2, 1);
		assertThat(this.store.changes(CommitMark.INITIAL, this.store.committed())).isEmpty();
	}

	@Test
	void committingOutOfOrderFails() {
		this.store.commit(2, 10);
		assertThatIllegalStateException().isThrownBy(() -> this.store.commit(1, 5))
			.withMessageContaining("bank")
			.withMessageContaining("batch 1");
		assertThatIllegalStateException().isThrownBy(() -> this.store.commit(2, 12)).withMessageContaining("batch 2");
		assertThatIllegalStateException().isThrownBy(() -> this.store.commit(3, 9)).withMessageContaining("TID 9");
		assertThat(this.store.committed()).isEqualTo(new CommitMark(2, 10));
		this.store.commit(4, 10); // skipping a batch that did not touch this VMS is fine
		assertThat(this.store.committed()).isEqualTo(new CommitMark(4, 10));
	}

	@Test
	void tablesAreFoundCaseInsensitivelyAndUnknownOnesNamed() {
		assertThat(this.store.table("Accounts")).isSameAs(this.accounts);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.table("orders"))
			.withMessageContaining("bank")
			.withMessageContaining("orders")
			.withMessageContaining("accounts");
	}

	private static void collect(List<TableChanges> changes, Map<Long, Long> upserts, List<Object> deletes) {
		for (TableChanges table : changes) {
			for (Object[] row : table.upserts()) {
				assertThat(upserts.put((Long) row[0], (Long) row[2])).as("one entry per row").isNull();
			}
			deletes.addAll(table.deletes());
		}
	}

}
