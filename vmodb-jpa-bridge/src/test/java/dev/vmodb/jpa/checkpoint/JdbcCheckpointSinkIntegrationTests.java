package dev.vmodb.jpa.checkpoint;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.checkpoint.Checkpoint;
import dev.vmodb.core.checkpoint.Checkpointer;
import dev.vmodb.core.checkpoint.ResumePoint;
import dev.vmodb.core.schema.CompositeKey;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.Snapshot;
import dev.vmodb.core.store.TableChanges;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;

import static dev.vmodb.jpa.checkpoint.TestTables.ALL;
import static dev.vmodb.jpa.checkpoint.TestTables.CUSTOMER;
import static dev.vmodb.jpa.checkpoint.TestTables.ORDER_LINE;
import static dev.vmodb.jpa.checkpoint.TestTables.VMS;
import static dev.vmodb.jpa.checkpoint.TestTables.VOUCHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JdbcCheckpointSink} driven by a real {@link Checkpointer} over a real in-memory H2 database.
 */
class JdbcCheckpointSinkIntegrationTests {

	private JdbcConnectionPool dataSource;

	@BeforeEach
	void createDatabase() throws Exception {
		this.dataSource = JdbcConnectionPool.create("jdbc:h2:mem:sink-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		TestTables.create(this.dataSource);
	}

	@AfterEach
	void dropDatabase() {
		Contents.execute(this.dataSource, "SHUTDOWN");
		this.dataSource.dispose();
	}

	@ParameterizedTest(name = "interval {0} ms, seed {1}")
	@CsvSource({ "0, 1", "0, 2", "0, 3", "5, 4", "5, 5", "3600000, 6", "3600000, 7" })
	void everyCheckpointHoldsExactlyTheCommittedState(long intervalMillis, long seed) {
		VersionedStore store = new VersionedStore(VMS, ALL);
		VerifyingSink sink = verifyingSink(store);
		Random random = new Random(seed);
		int explicitCheckpoints = 0;
		try (Checkpointer checkpointer = new Checkpointer(store, sink, Duration.ofMillis(intervalMillis))) {
			assertThat(checkpointer.recover()).isEqualTo(Checkpoint.INITIAL);
			RandomWorkload workload = new RandomWorkload(store, seed);
			int nextCheckpoint = 20 + random.nextInt(40);
			for (int batch = 1; batch <= 400; batch++) {
				workload.runBatch();
				checkpointer.batchCommitted();
				if (batch == nextCheckpoint || batch == 400) {
					assertThat(checkpointer.checkpointNow()).isEqualTo(store.committed());
					assertDatabaseHoldsCommittedState(store);
					explicitCheckpoints++;
					nextCheckpoint += 20 + random.nextInt(40);
				}
			}
		}
		assertThat(sink.mismatches()).isEmpty();
		if (intervalMillis >= 3_600_000) {
			// Nothing but the explicit calls may checkpoint, and each of them had new batches to write.
			assertThat(sink.verified()).isEqualTo(explicitCheckpoints);
		}
		else {
			assertThat(sink.verified()).isPositive();
		}
	}

	@Test
	void aRestartedStoreRecoversTheLastCheckpointAndNotTheBatchesAfterIt() {
		VersionedStore store = new VersionedStore(VMS, ALL);
		CommitMark checkpointed;
		Map<String, Map<Object, List<Object>>> atCheckpoint;
		try (Checkpointer checkpointer = new Checkpointer(store, sink(), Duration.ofHours(1))) {
			checkpointer.recover();
			RandomWorkload workload = new RandomWorkload(store, 42);
			for (int batch = 1; batch <= 100; batch++) {
				workload.runBatch();
			}
			checkpointed = checkpointer.checkpointNow();
			atCheckpoint = storeContents(store);
			for (int batch = 1; batch <= 50; batch++) {
				workload.runBatch();
			}
			assertThat(storeContents(store)).isNotEqualTo(atCheckpoint);
		}

		VersionedStore restarted = new VersionedStore(VMS, ALL);
		VerifyingSink sink = verifyingSink(restarted);
		try (Checkpointer checkpointer = new Checkpointer(restarted, sink, Duration.ZERO)) {
			assertThat(checkpointer.recover().state()).isEqualTo(checkpointed);
			assertThat(restarted.committed()).isEqualTo(checkpointed);
			assertThat(storeContents(restarted)).isEqualTo(atCheckpoint);
			assertIndexAgreesWithScan(restarted);

			// The recovered store carries on where the checkpoint left off.
			RandomWorkload workload = new RandomWorkload(restarted, 43);
			for (int batch = 1; batch <= 100; batch++) {
				workload.runBatch();
				checkpointer.batchCommitted();
			}
			assertThat(checkpointer.checkpointNow()).isEqualTo(restarted.committed());
			assertDatabaseHoldsCommittedState(restarted);
		}
		assertThat(sink.mismatches()).isEmpty();

		VersionedStore again = new VersionedStore(VMS, ALL);
		try (Checkpointer checkpointer = new Checkpointer(again, sink(), Duration.ZERO)) {
			assertThat(checkpointer.recover().state()).isEqualTo(restarted.committed());
			assertThat(storeContents(again)).isEqualTo(storeContents(restarted));
		}
	}

	@Test
	void aValueTheDatabaseRefusesFailsTheWholeCheckpointAndALaterOneRepairsIt() {
		VersionedStore store = new VersionedStore(VMS, ALL);
		try (Checkpointer checkpointer = new Checkpointer(store, sink(), Duration.ofHours(1))) {
			checkpointer.recover();
			RandomWorkload workload = new RandomWorkload(store, 7);
			for (int batch = 1; batch <= 50; batch++) {
				workload.runBatch();
			}
			CommitMark previous = checkpointer.checkpointNow();
			Map<String, Map<Object, List<Object>>> before = databaseContents();

			// Customers come first in the transaction, so their rows are written before the order line fails.
			workload.runBatch(1, tx -> {
				for (long id = 1; id <= 120; id++) {
					store.table("customer").upsert(tx, workload.randomCustomer(id));
				}
				store.table("order_line").upsert(tx, workload.randomLine(99, 1));
			});
			workload.runBatch(1, tx -> store.table("order_line")
					.upsert(tx, new Object[] { 99L, 2, "TOOLONG", 1, BigDecimal.ONE.setScale(2), null, null }));

			assertThatThrownBy(checkpointer::checkpointNow).cause()
					.isInstanceOf(JdbcCheckpointException.class)
					.hasMessageContaining("VMS '" + VMS + "'")
					.hasMessageContaining("table order_line");
			assertThat(databaseContents()).isEqualTo(before);
			assertThat(Contents.checkpointRow(this.dataSource, VMS)).isEqualTo(previous);
			assertThat(checkpointer.checkpointed()).isEqualTo(previous);

			// The failed batches stay pending: the next checkpoint writes them together with the repair.
			workload.runBatch(1, tx -> store.table("order_line")
					.upsert(tx, new Object[] { 99L, 2, "FIXED", 1, BigDecimal.ONE.setScale(2), null, null }));
			assertThat(checkpointer.checkpointNow()).isEqualTo(store.committed());
			assertDatabaseHoldsCommittedState(store);
		}
	}

	@Test
	void aTableDroppedUnderTheSinkFailsTheWholeCheckpoint() {
		VersionedStore store = new VersionedStore(VMS, ALL);
		try (Checkpointer checkpointer = new Checkpointer(store, sink(), Duration.ofHours(1))) {
			checkpointer.recover();
			RandomWorkload workload = new RandomWorkload(store, 8);
			for (int batch = 1; batch <= 50; batch++) {
				workload.runBatch();
			}
			CommitMark previous = checkpointer.checkpointNow();
			Map<Object, List<Object>> customersBefore = Contents.ofDatabase(this.dataSource, CUSTOMER);
			Contents.execute(this.dataSource, "DROP TABLE order_line");

			workload.runBatch(1, tx -> {
				for (long id = 1; id <= 120; id++) {
					store.table("customer").upsert(tx, workload.randomCustomer(id));
				}
				store.table("order_line").upsert(tx, workload.randomLine(1, 1));
			});

			assertThatThrownBy(checkpointer::checkpointNow).cause()
					.isInstanceOf(JdbcCheckpointException.class)
					.hasMessageContaining("VMS '" + VMS + "'")
					.hasMessageContaining("table order_line");
			assertThat(Contents.ofDatabase(this.dataSource, CUSTOMER)).isEqualTo(customersBefore);
			assertThat(Contents.checkpointRow(this.dataSource, VMS)).isEqualTo(previous);
		}
	}

	@Test
	void changesLargerThanOneJdbcBatchAreWrittenInFull() {
		VersionedStore store = new VersionedStore(VMS, ALL);
		try (Checkpointer checkpointer = new Checkpointer(store, sink(), Duration.ofHours(1))) {
			checkpointer.recover();
			RandomWorkload workload = new RandomWorkload(store, 9);
			workload.runBatch(1, tx -> {
				for (long id = 1; id <= 2_500; id++) {
					store.table("customer").insert(tx, workload.randomCustomer(id));
				}
				for (int line = 1; line <= 1_200; line++) {
					store.table("order_line").insert(tx, workload.randomLine(line % 7, line));
				}
			});
			checkpointer.checkpointNow();
			assertDatabaseHoldsCommittedState(store);
			assertThat(Contents.ofDatabase(this.dataSource, CUSTOMER)).hasSize(2_500);

			workload.runBatch(1, tx -> {
				for (long id = 1; id <= 2_500; id += 2) {
					store.table("customer").delete(tx, id);
				}
				for (int line = 2; line <= 1_200; line += 2) {
					store.table("order_line").update(tx, workload.randomLine(line % 7, line));
				}
			});
			checkpointer.checkpointNow();
			assertDatabaseHoldsCommittedState(store);
			assertThat(Contents.ofDatabase(this.dataSource, CUSTOMER)).hasSize(1_250);
		}
	}

	@Test
	void rowsSwappingUniqueValuesWithinOneCheckpointAreWritten() {
		VersionedStore store = new VersionedStore(VMS, List.of(VOUCHER));
		try (Checkpointer checkpointer = new Checkpointer(store, new JdbcCheckpointSink(VMS, this.dataSource, List.of(VOUCHER)),
				Duration.ofHours(1))) {
			checkpointer.recover();
			VersionedTable vouchers = store.table("voucher");
			long tid = 1;
			TransactionContext first = new TransactionContext(tid++, 1, TransactionType.WRITE);
			vouchers.insert(first, new Object[] { 1L, "A", 10 });
			vouchers.insert(first, new Object[] { 2L, "B", 20 });
			vouchers.insert(first, new Object[] { 3L, "C", 30 });
			store.commit(1, first.tid());
			checkpointer.checkpointNow();

			// 1 and 2 swap codes through a temporary one; 4 takes the code 3 gives up.
			TransactionContext a = new TransactionContext(tid++, 2, TransactionType.WRITE);
			vouchers.update(a, new Object[] { 1L, "TMP", 10 });
			TransactionContext b = new TransactionContext(tid++, 2, TransactionType.WRITE);
			vouchers.update(b, new Object[] { 2L, "A", 20 });
			TransactionContext c = new TransactionContext(tid++, 2, TransactionType.WRITE);
			vouchers.update(c, new Object[] { 1L, "B", 10 });
			vouchers.update(c, new Object[] { 3L, "D", 30 });
			vouchers.insert(c, new Object[] { 4L, "C", 40 });
			store.commit(2, c.tid());

			assertThat(checkpointer.checkpointNow()).isEqualTo(new CommitMark(2, c.tid()));
			assertThat(Contents.ofDatabase(this.dataSource, VOUCHER)).isEqualTo(storeContents(store).get("voucher"));
		}
	}

	@ParameterizedTest(name = "rows loaded first: {0}")
	@CsvSource({ "true", "false" })
	void rowsStoredBeforeTheSinkWroteAreUpdatedAndNewOnesInserted(boolean loadedFirst) {
		Contents.execute(this.dataSource, "INSERT INTO order_line VALUES (1, 1, 'A', 1, 1.00, NULL, NULL), "
				+ "(1, 2, 'B', 2, 2.00, NULL, NULL), (2, 1, 'C', 3, 3.00, NULL, NULL)");
		JdbcCheckpointSink sink = sink();
		if (loadedFirst) {
			sink.loadRows(ORDER_LINE, row -> { });
		}
		// (1, 1) changes, (3, 1) is new, (1, 2) is deleted, (9, 9) was never stored (inserted and deleted again).
		sink.write(List.of(new TableChanges(ORDER_LINE,
				List.<Object[]>of(line(1, 1, "AA", 10), line(3, 1, "D", 4)),
				List.of(CompositeKey.of(1L, 2), CompositeKey.of(9L, 9)))), checkpoint(1, 1));
		// (3, 1) changes again, (1, 2) comes back, (1, 1) goes.
		sink.write(List.of(new TableChanges(ORDER_LINE,
				List.<Object[]>of(line(3, 1, "DD", 40), line(1, 2, "BB", 20)),
				List.of(CompositeKey.of(1L, 1)))), checkpoint(2, 2));

		Map<Object, List<Object>> stored = Contents.ofDatabase(this.dataSource, ORDER_LINE);
		assertThat(stored.keySet()).containsExactlyInAnyOrder(CompositeKey.of(1L, 2), CompositeKey.of(2L, 1),
				CompositeKey.of(3L, 1));
		assertThat(stored.get(CompositeKey.of(3L, 1))).isEqualTo(Arrays.asList(line(3, 1, "DD", 40)));
		assertThat(stored.get(CompositeKey.of(1L, 2))).isEqualTo(Arrays.asList(line(1, 2, "BB", 20)));
		assertThat(sink.lastCheckpoint()).contains(checkpoint(2, 2));
	}

	private static Object[] line(long order, int lineNo, String product, int quantity) {
		return new Object[] { order, lineNo, product, quantity, new BigDecimal(quantity + ".00"), null, null };
	}

	@Test
	void aFreshDatabaseHasNoCheckpointAndVmssSharingADatabaseKeepTheirOwn() {
		JdbcCheckpointSink shop = sink();
		JdbcCheckpointSink other = new JdbcCheckpointSink("other", this.dataSource, List.of());
		assertThat(shop.lastCheckpoint()).isEmpty();

		shop.write(List.of(), checkpoint(3, 30));
		other.write(List.of(), checkpoint(5, 50));
		shop.write(List.of(), checkpoint(4, 41));

		assertThat(sink().lastCheckpoint()).contains(checkpoint(4, 41));
		assertThat(other.lastCheckpoint()).contains(checkpoint(5, 50));
	}

	@Test
	void changesOfATableTheSinkDoesNotKnowAreRefusedBeforeAnythingIsWritten() {
		JdbcCheckpointSink sink = new JdbcCheckpointSink(VMS, this.dataSource, List.of(CUSTOMER));
		List<TableChanges> changes = List.of(
				new TableChanges(CUSTOMER, List.<Object[]>of(new RandomWorkload(new VersionedStore(VMS, ALL), 1).randomCustomer(1)), List.of()),
				new TableChanges(ORDER_LINE, List.of(), List.of(CompositeKey.of(1L, 1))));

		assertThatThrownBy(() -> sink.write(changes, checkpoint(1, 1))).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("order_line");
		assertThat(Contents.ofDatabase(this.dataSource, CUSTOMER)).isEmpty();
		assertThat(sink.lastCheckpoint()).isEmpty();
	}

	private static Checkpoint checkpoint(long batch, long tid) {
		return new Checkpoint(new CommitMark(batch, tid), new ResumePoint(batch * 3, batch, batch * 7, batch % 2));
	}

	private JdbcCheckpointSink sink() {
		return new JdbcCheckpointSink(VMS, this.dataSource, ALL);
	}

	private VerifyingSink verifyingSink(VersionedStore store) {
		return new VerifyingSink(sink(), store, this.dataSource);
	}

	private void assertDatabaseHoldsCommittedState(VersionedStore store) {
		Map<String, Map<Object, List<Object>>> expected = storeContents(store);
		Map<String, Map<Object, List<Object>>> actual = databaseContents();
		for (TableSchema table : ALL) {
			assertThat(Contents.differences(expected.get(table.name()), actual.get(table.name())))
					.as("rows of %s that differ from the committed state", table.name()).isEmpty();
		}
		assertThat(Contents.checkpointRow(this.dataSource, VMS)).isEqualTo(store.committed());
	}

	private Map<String, Map<Object, List<Object>>> databaseContents() {
		Map<String, Map<Object, List<Object>>> contents = new HashMap<>();
		for (TableSchema table : ALL) {
			contents.put(table.name(), Contents.ofDatabase(this.dataSource, table));
		}
		return contents;
	}

	private static Map<String, Map<Object, List<Object>>> storeContents(VersionedStore store) {
		Map<String, Map<Object, List<Object>>> contents = new HashMap<>();
		try (Snapshot snapshot = store.openSnapshot()) {
			for (VersionedTable table : store.tables()) {
				contents.put(table.schema().name(), Contents.ofStore(store, table.schema(), snapshot.tid()));
			}
		}
		return contents;
	}

	/** Rows loaded from the database must be indexed as if they had been written. */
	private static void assertIndexAgreesWithScan(VersionedStore store) {
		VersionedTable customers = store.table("customer");
		long tid = store.committed().tid();
		for (String city : new String[] { "Lisbon", "Porto", null }) {
			List<Object> scanned = new ArrayList<>();
			customers.forEachVisible(tid, row -> {
				if (java.util.Objects.equals(row[2], city)) {
					scanned.add(row[0]);
				}
			});
			List<Object> indexed = new ArrayList<>();
			customers.forEachIndexed(0, city, tid, row -> indexed.add(row[0]));
			assertThat(indexed).containsExactlyInAnyOrderElementsOf(scanned).isNotEmpty();
		}
	}

}
