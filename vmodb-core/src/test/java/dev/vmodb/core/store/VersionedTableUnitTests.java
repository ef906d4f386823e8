package dev.vmodb.core.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.CompositeKey;
import dev.vmodb.core.schema.Constraints;
import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.IntegrityViolationException;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.tx.TransactionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The multi-version table on its own: visibility by TID, integrity rules, write permissions, secondary indexes,
 * discard and pruning.
 */
class VersionedTableUnitTests {

	/**
	 * id (key), owner (not null, 1..10 chars), balance (0..1000), email (unique index 0), branch (index 1).
	 * @return the schema
	 */
	static TableSchema accounts() {
		return new TableSchema("accounts",
				List.of(new ColumnSchema("id", Long.class, List.of()),
						new ColumnSchema("owner", String.class, List.of(Constraints.notNull(), Constraints.size(1, 10))),
						new ColumnSchema("balance", Long.class,
								List.of(Constraints.min(BigDecimal.ZERO, true),
										Constraints.max(BigDecimal.valueOf(1000), true))),
						new ColumnSchema("email", String.class, List.of()),
						new ColumnSchema("branch", Integer.class, List.of())),
				List.of(0),
				List.of(new IndexSchema("ux_email", List.of(3), true), new IndexSchema("ix_branch", List.of(4), false)));
	}

	static Object[] account(Long id, String owner, long balance, String email, Integer branch) {
		return new Object[] { id, owner, balance, email, branch };
	}

	private final VersionedTable table = new VersionedTable(accounts());

	private static TransactionContext tx(long tid) {
		return new TransactionContext(tid, 1, TransactionType.READ_WRITE);
	}

	private static long balance(Object[] row) {
		return (Long) row[2];
	}

	private List<Long> byBranch(Integer branch, long tid) {
		List<Long> ids = new ArrayList<>();
		this.table.forEachIndexed(1, branch, tid, row -> ids.add((Long) row[0]));
		return ids;
	}

	private List<Long> byEmail(String email, long tid) {
		List<Long> ids = new ArrayList<>();
		this.table.forEachIndexed(0, email, tid, row -> ids.add((Long) row[0]));
		return ids;
	}

	// --- visibility -------------------------------------------------------------------------------------------

	@Test
	void readAtTidSeesTheNewestVersionAtOrBelowIt() {
		this.table.insert(tx(10), account(1L, "ann", 100, "a@x", 1));
		this.table.update(tx(20), account(1L, "ann", 200, "a@x", 1));
		this.table.update(tx(30), account(1L, "ann", 300, "a@x", 1));

		assertThat(this.table.read(1L, 9)).isNull();
		assertThat(balance(this.table.read(1L, 10))).isEqualTo(100);
		assertThat(balance(this.table.read(1L, 19))).isEqualTo(100);
		assertThat(balance(this.table.read(1L, 20))).isEqualTo(200);
		assertThat(balance(this.table.read(1L, 29))).isEqualTo(200);
		assertThat(balance(this.table.read(1L, 30))).isEqualTo(300);
		assertThat(balance(this.table.read(1L, Long.MAX_VALUE))).isEqualTo(300);
		assertThat(this.table.read(2L, 30)).isNull();
	}

	@Test
	void versionsWrittenOutOfTidOrderAreStillReadByTid() {
		this.table.upsert(tx(30), account(1L, "ann", 300, "a@x", 1));
		this.table.upsert(tx(10), account(1L, "ann", 100, "a@x", 1));
		this.table.upsert(tx(20), account(1L, "ann", 200, "a@x", 1));

		assertThat(this.table.read(1L, 5)).isNull();
		assertThat(balance(this.table.read(1L, 15))).isEqualTo(100);
		assertThat(balance(this.table.read(1L, 25))).isEqualTo(200);
		assertThat(balance(this.table.read(1L, 35))).isEqualTo(300);
	}

	@Test
	void rewriteAtTheSameTidReplacesTheVersion() {
		this.table.insert(tx(10), account(1L, "ann", 100, "a@x", 1));
		TransactionContext tx = tx(20);
		this.table.update(tx, account(1L, "ann", 150, "a@x", 2));
		this.table.update(tx, account(1L, "ann", 175, "a@x", 3));

		assertThat(balance(this.table.read(1L, 20))).isEqualTo(175);
		assertThat(balance(this.table.read(1L, 10))).isEqualTo(100);
		assertThat(byBranch(2, 20)).as("the replaced version is not visible through the index").isEmpty();
		assertThat(byBranch(3, 20)).containsExactly(1L);
		assertThat(byBranch(1, 20)).isEmpty();
		assertThat(byBranch(1, 10)).containsExactly(1L);
		assertThat(tx.writes()).extracting(TransactionContext.WrittenKey::key).containsExactly(1L, 1L);

		// one version per TID: discarding the transaction brings the older one back
		for (TransactionContext.WrittenKey written : tx.writes()) {
			this.table.discard(tx.tid(), written.key());
		}
		assertThat(balance(this.table.read(1L, 20))).isEqualTo(100);
		assertThat(byBranch(1, 20)).containsExactly(1L);
		assertThat(byBranch(3, 20)).isEmpty();
	}

	@Test
	void deleteWritesATombstoneVisibleFromItsTidOn() {
		this.table.insert(tx(10), account(1L, "ann", 100, "a@x", 1));
		assertThat(this.table.delete(tx(20), 1L)).isTrue();

		assertThat(this.table.read(1L, 19)).isNotNull();
		assertThat(this.table.read(1L, 20)).isNull();
		assertThat(this.table.read(1L, 25)).isNull();
		assertThat(this.table.delete(tx(30), 1L)).as("deleting a deleted row").isFalse();
		assertThat(this.table.delete(tx(5), 1L)).as("deleting before the row existed").isFalse();
		assertThat(byBranch(1, 25)).isEmpty();
		assertThat(byBranch(1, 15)).containsExactly(1L);
		List<Object[]> visible = new ArrayList<>();
		this.table.forEachVisible(25, visible::add);
		assertThat(visible).isEmpty();
		this.table.forEachVisible(15, visible::add);
		assertThat(visible).hasSize(1);

		// a deleted row cannot be updated but can be inserted again
		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> this.table.update(tx(40), account(1L, "ann", 1, "a@x", 1)));
		this.table.insert(tx(40), account(1L, "bob", 1, "b@x", 1));
		assertThat(this.table.read(1L, 40)[1]).isEqualTo("bob");
		assertThat(this.table.read(1L, 39)).isNull();
		assertThat(this.table.read(1L, 15)[1]).isEqualTo("ann");
	}

	// --- integrity --------------------------------------------------------------------------------------------

	@Test
	void insertOfAnExistingKeyAndUpdateOfAMissingKeyAreRejected() {
		this.table.insert(tx(10), account(1L, "ann", 100, "a@x", 1));

		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> this.table.insert(tx(20), account(1L, "bob", 5, "b@x", 1)))
			.withMessageContaining("accounts")
			.withMessageContaining("duplicate primary key 1")
			.satisfies(ex -> assertThat(ex.table()).isEqualTo("accounts"));
		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> this.table.update(tx(20), account(2L, "bob", 5, "b@x", 1)))
			.withMessageContaining("accounts")
			.withMessageContaining("no row with primary key 2");
		assertThatExceptionOfType(IntegrityViolationException.class).as("the row does not exist before TID 10")
			.isThrownBy(() -> this.table.update(tx(5), account(1L, "ann", 5, "a@x", 1)));

		assertThat(balance(this.table.read(1L, 20))).isEqualTo(100);
		assertThat(this.table.read(2L, 20)).isNull();
		assertThat(this.table.read(1L, 5)).isNull();
		assertThat(this.table.keyCount()).isEqualTo(1);
		assertThat(byEmail("b@x", 20)).isEmpty();
	}

	@Test
	void constraintViolationsAreRejectedNamingTableColumnValueAndRule() {
		record Case(Object[] row, String column, String rule) {
		}
		List<Case> cases = List.of(
				new Case(account(null, "ann", 1, "a@x", 1), "id", "primary-key column must not be null"),
				new Case(account(1L, null, 1, "a@x", 1), "owner", "must not be null"),
				new Case(account(1L, "", 1, "a@x", 1), "owner", "size must be between 1 and 10"),
				new Case(account(1L, "abcdefghijk", 1, "a@x", 1), "owner", "size must be between 1 and 10"),
				new Case(account(1L, "ann", -1, "a@x", 1), "balance", "must be >= 0"),
				new Case(account(1L, "ann", 1001, "a@x", 1), "balance", "must be <= 1000"));
		for (Case c : cases) {
			assertThatExceptionOfType(IntegrityViolationException.class).as(c.rule())
				.isThrownBy(() -> this.table.upsert(tx(10), c.row()))
				.withMessageContaining("accounts." + c.column())
				.withMessageContaining(c.rule())
				.satisfies(ex -> {
					assertThat(ex.table()).isEqualTo("accounts");
					assertThat(ex.column()).isEqualTo(c.column());
				});
		}
		// the bounds themselves are allowed
		this.table.upsert(tx(10), account(1L, "a", 0, "a@x", 1));
		this.table.upsert(tx(11), account(2L, "abcdefghij", 1000, "b@x", 1));
		assertThat(this.table.keyCount()).isEqualTo(2);
	}

	@Test
	void rowOfTheWrongWidthIsRejected() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.table.insert(tx(10), new Object[] { 1L, "ann", 1L }))
			.withMessageContaining("accounts")
			.withMessageContaining("3 values, expected 5");
	}

	@Test
	void uniqueIndexIsEnforcedAtTheWritersTid() {
		this.table.insert(tx(10), account(1L, "ann", 1, "a@x", 1));
		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> this.table.insert(tx(20), account(2L, "bob", 1, "a@x", 1)))
			.withMessageContaining("accounts")
			.withMessageContaining("ux_email")
			.withMessageContaining("a@x");
		// a row may keep its own value
		this.table.update(tx(20), account(1L, "ann", 2, "a@x", 1));
		// once row 1 moves to another e-mail, the old one is free from that TID on, but not before
		this.table.update(tx(30), account(1L, "ann", 2, "c@x", 1));
		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> this.table.insert(tx(25), account(2L, "bob", 1, "a@x", 1)));
		this.table.insert(tx(40), account(2L, "bob", 1, "a@x", 1));
		assertThat(byEmail("a@x", 40)).containsExactly(2L);
		assertThat(byEmail("a@x", 20)).containsExactly(1L);
		// a deleted row frees its value too
		this.table.delete(tx(50), 2L);
		this.table.insert(tx(60), account(3L, "cid", 1, "a@x", 1));
		assertThat(byEmail("a@x", 60)).containsExactly(3L);
	}

	@Test
	void uniqueIndexAllowsSeveralNullsAsSqlDoes() {
		this.table.insert(tx(10), account(1L, "ann", 1, null, 1));
		this.table.insert(tx(20), account(2L, "bob", 1, null, 1));
		this.table.update(tx(30), account(1L, "ann", 2, null, 1));
		assertThat(byEmail(null, 30)).containsExactlyInAnyOrder(1L, 2L);
	}

	// --- permissions ------------------------------------------------------------------------------------------

	@Test
	void readTransactionCannotWrite() {
		this.table.insert(tx(10), account(1L, "ann", 1, "a@x", 1));
		TransactionContext read = new TransactionContext(20, 1, TransactionType.READ);
		assertThatIllegalStateException().isThrownBy(() -> this.table.upsert(read, account(2L, "bob", 1, "b@x", 1)))
			.withMessageContaining("READ")
			.withMessageContaining("accounts");
		assertThatIllegalStateException().isThrownBy(() -> this.table.update(read, account(1L, "ann", 5, "a@x", 1)));
		assertThatIllegalStateException().isThrownBy(() -> this.table.delete(read, 1L));
		assertThat(balance(this.table.read(1L, 20))).isEqualTo(1);
		assertThat(this.table.read(2L, 20)).isNull();
		assertThat(read.writes()).isEmpty();
		// WRITE (blind write) may
		this.table.upsert(new TransactionContext(30, 1, TransactionType.WRITE), account(2L, "bob", 1, "b@x", 1));
		assertThat(this.table.read(2L, 30)).isNotNull();
	}

	@Test
	void writingWithoutATransactionFails() {
		assertThatIllegalStateException().isThrownBy(() -> this.table.insert(null, account(1L, "ann", 1, "a@x", 1)))
			.withMessageContaining("accounts")
			.withMessageContaining("inside a handler");
		assertThatIllegalStateException().isThrownBy(() -> this.table.delete(null, 1L));
		assertThat(this.table.keyCount()).isZero();
	}

	// --- secondary indexes ------------------------------------------------------------------------------------

	@Test
	void indexLookupReturnsExactlyTheRowsWhoseVisibleVersionMatches() {
		this.table.insert(tx(10), account(1L, "ann", 1, "a@x", 1));
		this.table.insert(tx(10), account(2L, "bob", 1, "b@x", 1));
		this.table.insert(tx(10), account(3L, "cid", 1, "c@x", 2));
		this.table.update(tx(20), account(1L, "ann", 1, "a@x", 2)); // 1 moves from branch 1 to 2
		this.table.update(tx(30), account(1L, "ann", 1, "a@x", 1)); // ... and back
		this.table.delete(tx(30), 3L);
		this.table.insert(tx(40), account(4L, "dan", 1, "d@x", 2));

		assertThat(byBranch(1, 9)).isEmpty();
		assertThat(byBranch(1, 10)).containsExactlyInAnyOrder(1L, 2L);
		assertThat(byBranch(2, 10)).containsExactly(3L);
		assertThat(byBranch(1, 20)).containsExactly(2L);
		assertThat(byBranch(2, 20)).containsExactlyInAnyOrder(1L, 3L);
		assertThat(byBranch(1, 30)).containsExactlyInAnyOrder(1L, 2L);
		assertThat(byBranch(2, 30)).isEmpty();
		assertThat(byBranch(2, 40)).containsExactly(4L);
		assertThat(byBranch(7, 40)).isEmpty();
	}

	@Test
	void indexLookupStaysExactAfterPruning() {
		this.table.insert(tx(10), account(1L, "ann", 1, "a@x", 1));
		this.table.insert(tx(10), account(2L, "bob", 1, "b@x", 1));
		this.table.update(tx(20), account(1L, "ann", 1, "a@x", 2));
		this.table.delete(tx(20), 2L);
		this.table.update(tx(30), account(1L, "ann", 1, "a@x", 3));

		// keep only what a reader at TID 25 or later can see
		this.table.prune(0, 1, 25, true);
		assertThat(byBranch(1, 25)).isEmpty();
		assertThat(byBranch(2, 25)).containsExactly(1L);
		assertThat(byBranch(3, 30)).containsExactly(1L);
		assertThat(byBranch(2, 30)).isEmpty();
		assertThat(byEmail("b@x", 30)).isEmpty();
		assertThat(this.table.keyCount()).as("the deleted row is gone once every reader sees its deletion").isEqualTo(1);
		// the pruned value is free for a unique insert; the index does not remember the dropped row
		this.table.insert(tx(40), account(5L, "eve", 1, "b@x", 1));
		assertThat(byEmail("b@x", 40)).containsExactly(5L);
		assertThat(byBranch(1, 40)).containsExactly(5L);

		this.table.prune(1, 1, 40, true);
		assertThat(byBranch(3, 40)).containsExactly(1L);
		assertThat(byBranch(2, 40)).isEmpty();
		assertThat(this.table.read(1L, 40)[4]).isEqualTo(3);
	}

	@Test
	void compositeIndexLooksUpByCompositeKey() {
		TableSchema schema = new TableSchema("lines",
				List.of(new ColumnSchema("order_id", Long.class, List.of()), new ColumnSchema("line", Integer.class, List.of()),
						new ColumnSchema("sku", String.class, List.of()), new ColumnSchema("warehouse", Integer.class, List.of())),
				List.of(0, 1), List.of(new IndexSchema("ix_sku_wh", List.of(2, 3), false)));
		VersionedTable lines = new VersionedTable(schema);
		lines.insert(tx(10), new Object[] { 7L, 1, "x", 1 });
		lines.insert(tx(10), new Object[] { 7L, 2, "x", 2 });
		lines.insert(tx(10), new Object[] { 8L, 1, "x", 1 });
		assertThatExceptionOfType(IntegrityViolationException.class)
			.isThrownBy(() -> lines.insert(tx(20), new Object[] { 7L, 1, "y", 1 }));
		assertThat(lines.read(CompositeKey.of(7L, 2), 10)[2]).isEqualTo("x");
		List<Object> keys = new ArrayList<>();
		lines.forEachIndexed(0, CompositeKey.of("x", 1), 10, row -> keys.add(schema.keyOf(row)));
		assertThat(keys).containsExactlyInAnyOrder(CompositeKey.of(7L, 1), CompositeKey.of(8L, 1));
	}

	// --- discard ----------------------------------------------------------------------------------------------

	@Test
	void discardRemovesATidsVersionsAndIndexEntries() {
		this.table.insert(tx(10), account(1L, "ann", 100, "a@x", 1));
		this.table.insert(tx(10), account(2L, "bob", 100, "b@x", 1));
		TransactionContext aborted = tx(20);
		this.table.update(aborted, account(1L, "ann", 50, "a2@x", 2));
		this.table.insert(aborted, account(3L, "cid", 50, "c@x", 2));
		this.table.delete(aborted, 2L);
		TransactionContext later = tx(30); // a later transaction of another key is untouched
		this.table.insert(later, account(4L, "dan", 1, "d@x", 2));

		for (TransactionContext.WrittenKey written : aborted.writes()) {
			this.table.discard(aborted.tid(), written.key());
		}

		assertThat(balance(this.table.read(1L, 20))).isEqualTo(100);
		assertThat(this.table.read(3L, 20)).isNull();
		assertThat(this.table.read(2L, 20)).as("the discarded delete").isNotNull();
		assertThat(byBranch(2, 30)).containsExactly(4L);
		assertThat(byBranch(1, 30)).containsExactlyInAnyOrder(1L, 2L);
		assertThat(byEmail("a2@x", 30)).isEmpty();
		assertThat(byEmail("c@x", 30)).isEmpty();
		assertThat(this.table.keyCount()).as("key 3 existed only in the discarded TID").isEqualTo(3);
		// the discarded values are free again for unique inserts
		this.table.insert(tx(40), account(5L, "eve", 1, "c@x", 1));
		this.table.update(tx(40), account(1L, "ann", 1, "a2@x", 1));
		assertThat(byEmail("c@x", 40)).containsExactly(5L);
	}

}
