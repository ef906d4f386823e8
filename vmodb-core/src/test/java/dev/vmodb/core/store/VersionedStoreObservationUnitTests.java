package dev.vmodb.core.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.schema.IntegrityViolationException;
import dev.vmodb.core.tx.TransactionContext;

import static dev.vmodb.core.store.VersionedTableUnitTests.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a {@link StoreObserver} is told: every read a transaction makes, with the version it saw (including the
 * reads hidden in writes and scans), every write and delete, and nothing outside handlers.
 */
class VersionedStoreObservationUnitTests {

	private final VersionedStore store = new VersionedStore("bank", List.of(VersionedTableUnitTests.accounts()));

	private final VersionedTable accounts = this.store.table("accounts");

	private final Events events = new Events();

	@BeforeEach
	void observe() {
		this.store.observe(this.events);
	}

	private static TransactionContext tx(long tid) {
		return new TransactionContext(tid, 1, TransactionType.READ_WRITE);
	}

	/** Runs work as the handler of a transaction: bound to this thread, as the runtime does. */
	private static void in(TransactionContext tx, Runnable work) {
		try {
			tx.callBound(() -> {
				work.run();
				return null;
			});
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Seeds rows while not observing, so tests see only the events they cause. */
	private void seed(long tid, Object[]... rows) {
		this.store.observe(null);
		for (Object[] row : rows) {
			this.accounts.insert(tx(tid), row);
		}
		this.store.observe(this.events);
	}

	@Test
	void readInsideAHandlerReportsTheVersionSeenAndAbsenceAsZero() {
		seed(10, account(1L, "ann", 100, "a@x", 1));

		in(tx(20), () -> {
			assertThat(this.accounts.read(1L, 20)).isNotNull();
			assertThat(this.accounts.read(2L, 20)).isNull();
		});

		assertThat(this.events.all()).containsExactly("read bank/accounts[1] T20 saw T10", "read bank/accounts[2] T20 saw T0");
	}

	@Test
	void readsOutsideAHandlerAreNotReported() {
		seed(10, account(1L, "ann", 100, "a@x", 1));

		this.accounts.read(1L, 20);
		this.accounts.forEachVisible(20, row -> {
		});
		this.accounts.forEachIndexed(1, 1, 20, row -> {
		});

		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void readerIsTheBoundTransactionEvenWhenItReadsAtAnotherTid() {
		seed(10, account(1L, "ann", 100, "a@x", 1));

		// a handler reading at a wrong TID is exactly the bug a history must reveal: T5 saw a version of T10
		in(tx(5), () -> this.accounts.read(1L, 20));

		assertThat(this.events.all()).containsExactly("read bank/accounts[1] T5 saw T10");
	}

	@Test
	void insertReadsTheKeyItChecksAndUpsertWritesBlindly() {
		this.accounts.insert(tx(10), account(1L, "ann", 100, "a@x", 1));
		this.accounts.upsert(tx(20), account(1L, "ann", 200, "a@x", 1));
		this.accounts.update(tx(30), account(1L, "ann", 300, "a@x", 1));

		assertThat(this.events.all()).containsExactly("read bank/accounts[1] T10 saw T0", "wrote bank/accounts[1] T10",
				"wrote bank/accounts[1] T20", "read bank/accounts[1] T30 saw T20", "wrote bank/accounts[1] T30");
	}

	@Test
	void failedExistenceChecksStillReportTheRead() {
		seed(10, account(1L, "ann", 100, "a@x", 1));

		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> this.accounts.insert(tx(20), account(1L, "ann", 100, "b@x", 1)));
		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> this.accounts.update(tx(20), account(2L, "bob", 100, "b@x", 1)));

		assertThat(this.events.all()).containsExactly("read bank/accounts[1] T20 saw T10", "read bank/accounts[2] T20 saw T0");
	}

	@Test
	void deleteReadsTheRowThenReportsADeletionThatLaterReadersSee() {
		seed(10, account(1L, "ann", 100, "a@x", 1));

		assertThat(this.accounts.delete(tx(20), 1L)).isTrue();
		assertThat(this.accounts.delete(tx(30), 1L)).isFalse();
		in(tx(40), () -> this.accounts.read(1L, 40));

		assertThat(this.events.all()).containsExactly("read bank/accounts[1] T20 saw T10", "deleted bank/accounts[1] T20",
				"read bank/accounts[1] T30 saw T20", "read bank/accounts[1] T40 saw T20");
	}

	@Test
	void deleteOfAnAbsentKeyOnlyReads() {
		assertThat(this.accounts.delete(tx(20), 7L)).isFalse();

		assertThat(this.events.all()).containsExactly("read bank/accounts[7] T20 saw T0");
	}

	@Test
	void scanReportsEveryKeyItExaminedVisibleOrNot() {
		seed(10, account(1L, "ann", 100, "a@x", 1), account(2L, "bob", 100, "b@x", 1));
		seed(30, account(3L, "cid", 100, "c@x", 1));
		this.store.observe(null);
		this.accounts.delete(tx(15), 2L);
		this.store.observe(this.events);

		List<Object> seen = new ArrayList<>();
		in(tx(20), () -> this.accounts.forEachVisible(20, row -> seen.add(row[0])));

		assertThat(seen).containsExactly(1L);
		// key 2 deleted before T20 and key 3 inserted after it are reads too: they decide what the scan returned
		assertThat(this.events.all()).containsExactlyInAnyOrder("read bank/accounts[1] T20 saw T10",
				"read bank/accounts[2] T20 saw T15", "read bank/accounts[3] T20 saw T0");
	}

	@Test
	void indexLookupReportsEveryCandidateMatchingOrNot() {
		seed(10, account(1L, "ann", 100, "a@x", 1), account(2L, "bob", 100, "b@x", 2));
		this.store.observe(null);
		this.accounts.update(tx(15), account(2L, "bob", 100, "b@x", 1)); // moves to branch 1 at T15
		this.store.observe(this.events);

		List<Object> seen = new ArrayList<>();
		in(tx(12), () -> this.accounts.forEachIndexed(1, 1, 12, row -> seen.add(row[0])));

		assertThat(seen).containsExactly(1L);
		assertThat(this.events.all()).containsExactlyInAnyOrder("read bank/accounts[1] T12 saw T10",
				"read bank/accounts[2] T12 saw T10");
	}

	@Test
	void uniqueIndexCheckReadsTheOtherCandidates() {
		seed(10, account(1L, "ann", 100, "a@x", 1));
		this.store.observe(null);
		this.accounts.update(tx(15), account(1L, "ann", 100, "z@x", 1)); // frees a@x from T15 on
		this.store.observe(this.events);

		this.accounts.insert(tx(20), account(2L, "bob", 100, "a@x", 1));

		assertThat(this.events.all()).containsExactly("read bank/accounts[1] T20 saw T15", "read bank/accounts[2] T20 saw T0",
				"wrote bank/accounts[2] T20");
	}

	@Test
	void observingNothingStopsTheReports() {
		this.store.observe(null);

		this.accounts.insert(tx(10), account(1L, "ann", 100, "a@x", 1));
		in(tx(20), () -> this.accounts.read(1L, 20));
		this.accounts.delete(tx(30), 1L);

		assertThat(this.events.all()).isEmpty();
	}

	@Test
	void observerThatIgnoresDeletionsSeesThemAsWrites() {
		List<String> writes = Collections.synchronizedList(new ArrayList<>());
		this.store.observe(new StoreObserver() {

			@Override
			public void read(String vms, String table, Object key, long readerTid, long versionTid) {
			}

			@Override
			public void wrote(String vms, String table, Object key, long writerTid) {
				writes.add(table + "[" + key + "] T" + writerTid);
			}

		});
		this.accounts.insert(tx(10), account(1L, "ann", 100, "a@x", 1));
		this.accounts.delete(tx(20), 1L);

		assertThat(writes).containsExactly("accounts[1] T10", "accounts[1] T20");
	}

	/** Every event as one line, in call order. */
	private static final class Events implements StoreObserver {

		private final List<String> events = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void read(String vms, String table, Object key, long readerTid, long versionTid) {
			this.events.add("read " + vms + "/" + table + "[" + key + "] T" + readerTid + " saw T" + versionTid);
		}

		@Override
		public void wrote(String vms, String table, Object key, long writerTid) {
			this.events.add("wrote " + vms + "/" + table + "[" + key + "] T" + writerTid);
		}

		@Override
		public void deleted(String vms, String table, Object key, long writerTid) {
			this.events.add("deleted " + vms + "/" + table + "[" + key + "] T" + writerTid);
		}

		List<String> all() {
			return List.copyOf(this.events);
		}

	}

}
