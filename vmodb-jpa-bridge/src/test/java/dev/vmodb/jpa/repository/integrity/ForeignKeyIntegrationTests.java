package dev.vmodb.jpa.repository.integrity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.checkpoint.Checkpointer;
import dev.vmodb.core.schema.IntegrityViolationException;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.StoreObserver;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.tx.TransactionContext;
import dev.vmodb.jpa.checkpoint.JdbcCheckpointSink;
import dev.vmodb.jpa.mapping.BoundTable;
import dev.vmodb.jpa.mapping.EntityTable;
import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;
import dev.vmodb.jpa.repository.VmsRepositoryFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @References} foreign keys enforced by repositories on a real versioned store, over entities mapped by real
 * Hibernate on H2, and checkpointed to that database.
 */
class ForeignKeyIntegrationTests {

	private static final List<Class<?>> ENTITIES = List.of(Customer.class, Purchase.class, PurchaseLine.class,
			Category.class);

	private JdbcConnectionPool dataSource;

	private VmsPersistenceUnit unit;

	private VersionedStore store;

	private CustomerRepository customers;

	private PurchaseRepository purchases;

	private PurchaseLineRepository lines;

	private CategoryRepository categories;

	private long batch;

	@BeforeEach
	void start() {
		this.dataSource = JdbcConnectionPool.create("jdbc:h2:mem:fk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
				"");
		this.unit = VmsPersistenceUnit.create("shop", this.dataSource, ENTITIES);
		this.store = newStore();
		VmsCatalog catalog = new VmsCatalog();
		this.unit.tables().values().forEach(entity -> catalog.register(bind(entity, this.store)));
		VmsRepositoryFactory factory = new VmsRepositoryFactory(catalog);
		this.customers = factory.getRepository(CustomerRepository.class);
		this.purchases = factory.getRepository(PurchaseRepository.class);
		this.lines = factory.getRepository(PurchaseLineRepository.class);
		this.categories = factory.getRepository(CategoryRepository.class);
	}

	@AfterEach
	void stop() {
		this.unit.close();
		this.dataSource.dispose();
	}

	@Test
	void referencesBecomeForeignKeysOverAnIndex() {
		TableSchema purchases = schema(Purchase.class);
		assertThat(purchases.foreignKeys()).singleElement().satisfies(foreignKey -> {
			assertThat(foreignKey.column()).isEqualTo(purchases.positionOf("customer_id"));
			assertThat(foreignKey.parentTable()).isEqualTo("fk_customers");
			assertThat(purchases.indexes().get(foreignKey.index()).name())
				.as("the declared index over the column serves the restrict check")
				.isEqualTo("fk_purchases_customer_idx");
		});
		assertThat(purchases.indexes()).hasSize(1);
		TableSchema lines = schema(PurchaseLine.class);
		assertThat(lines.foreignKeys()).singleElement().satisfies(foreignKey -> {
			assertThat(foreignKey.parentTable()).isEqualTo("fk_purchases");
			assertThat(lines.indexes().get(foreignKey.index()).columns()).containsExactly(lines.positionOf("purchase_id"));
			assertThat(lines.indexes().get(foreignKey.index()).unique()).isFalse();
		});
		assertThat(schema(Customer.class).foreignKeys()).isEmpty();
	}

	@Test
	void aChildNamingNoParentAborts() {
		assertThatThrownBy(() -> run(1, () -> this.purchases.insert(new Purchase(1L, 99L))))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("foreign key fk_purchases.customer_id → fk_customers: no row with key 99")
			.satisfies(ex -> assertThat(((IntegrityViolationException) ex).column()).isEqualTo("customer_id"));
		assertThatThrownBy(() -> run(2, () -> this.lines.save(new PurchaseLine(5L, 1, 1))))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("foreign key fk_purchase_lines.purchase_id → fk_purchases: no row with key 5");
		commit(2);
		assertThat(this.purchases.count()).isZero();
		assertThat(this.lines.count()).isZero();
	}

	@Test
	void aChildNamingAVisibleParentIsWritten() {
		run(1, () -> this.customers.insert(new Customer(1L, "ada")));
		commit(1);
		run(2, () -> {
			this.purchases.insert(new Purchase(10L, 1L));
			this.purchases.saveAll(List.of(new Purchase(11L, 1L), new Purchase(12L, null)));
			this.lines.insert(new PurchaseLine(10L, 1, 3));
		});
		commit(2);
		assertThat(this.purchases.findByCustomerId(1L)).extracting(Purchase::getId).containsExactlyInAnyOrder(10L, 11L);
		assertThat(this.purchases.existsById(12L)).as("a null reference names no parent").isTrue();
		assertThat(this.lines.count()).isOne();
	}

	@Test
	void aParentWrittenEarlierInTheSameTransactionIsVisible() {
		run(1, () -> {
			this.customers.save(new Customer(1L, "ada"));
			this.purchases.save(new Purchase(10L, 1L));
			this.lines.save(new PurchaseLine(10L, 1, 1));
		});
		commit(1);
		assertThat(this.lines.count()).isOne();
	}

	@Test
	void aParentWrittenByALaterTransactionIsNotVisible() {
		run(20, () -> this.customers.insert(new Customer(1L, "ada")));
		assertThatThrownBy(() -> run(10, () -> this.purchases.insert(new Purchase(10L, 1L))))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("no row with key 1");
		run(30, () -> this.purchases.insert(new Purchase(10L, 1L)));
	}

	@Test
	void updatingAReferenceToAMissingParentAborts() {
		run(1, () -> {
			this.customers.save(new Customer(1L, "ada"));
			this.purchases.save(new Purchase(10L, 1L));
		});
		Purchase purchase = new Purchase(10L, 2L);
		assertThatThrownBy(() -> run(2, () -> this.purchases.update(purchase)))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("no row with key 2");
	}

	@Test
	void deletingAReferencedParentAborts() {
		run(1, () -> {
			this.customers.save(new Customer(1L, "ada"));
			this.purchases.save(new Purchase(10L, 1L));
			this.lines.save(new PurchaseLine(10L, 1, 1));
		});
		assertThatThrownBy(() -> run(2, () -> this.customers.deleteById(1L)))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("foreign key fk_purchases.customer_id → fk_customers: cannot delete the row with key 1 "
					+ "of fk_customers, row 10 of fk_purchases still references it");
		assertThatThrownBy(() -> run(3, () -> this.customers.deleteByName("ada")))
			.as("derived deletes are checked too")
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("row 10 of fk_purchases still references it");
		assertThatThrownBy(() -> run(4, () -> this.purchases.deleteAll()))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("foreign key fk_purchase_lines.purchase_id → fk_purchases")
			.hasMessageContaining("row [1, 10] of fk_purchase_lines still references it"); // (line, purchase_id): Hibernate orders embedded columns by name
		commit(4);
		assertThat(this.customers.existsById(1L)).isTrue();
	}

	@Test
	void aParentMayBeDeletedOnceNothingVisibleReferencesIt() {
		run(1, () -> {
			this.customers.save(new Customer(1L, "ada"));
			this.customers.save(new Customer(2L, "bob"));
			this.purchases.save(new Purchase(10L, 1L));
			this.purchases.save(new Purchase(11L, 2L));
			this.lines.save(new PurchaseLine(10L, 1, 1));
		});
		commit(1);
		run(2, () -> {
			this.lines.deleteById(new PurchaseLineId(10L, 1));
			this.purchases.deleteById(10L);
			this.customers.deleteById(1L);
		});
		run(3, () -> {
			Purchase moved = this.purchases.findById(11L).orElseThrow();
			moved.setCustomerId(null);
			this.purchases.save(moved);
			this.customers.deleteById(2L);
		});
		commit(3);
		assertThat(this.customers.count()).isZero();
		assertThat(this.purchases.findAll()).extracting(Purchase::getCustomerId).containsExactly((Long) null);
	}

	@Test
	void aRowMayReferenceItsOwnTable() {
		run(1, () -> {
			this.categories.save(new Category(1L, 1L));
			this.categories.save(new Category(2L, 1L));
		});
		assertThatThrownBy(() -> run(2, () -> this.categories.save(new Category(3L, 4L))))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("foreign key fk_categories.parent_id → fk_categories: no row with key 4");
		assertThatThrownBy(() -> run(3, () -> this.categories.deleteById(1L)))
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("row 2 of fk_categories still references it");
		run(4, () -> {
			this.categories.deleteById(2L);
			this.categories.deleteById(1L);
		});
		commit(4);
		assertThat(this.categories.count()).isZero();
	}

	@Test
	void checksReadThroughTheStoreSoTheWriterIsSeenReadingWhatItsSuccessDependsOn() {
		run(1, () -> {
			this.customers.save(new Customer(1L, "ada"));
			this.purchases.save(new Purchase(10L, 1L));
		});
		List<String> reads = new ArrayList<>();
		this.store.observe(new StoreObserver() {

			@Override
			public void read(String vms, String table, Object key, long readerTid, long versionTid) {
				synchronized (reads) {
					reads.add(readerTid + " read " + table + " " + key + "@" + versionTid);
				}
			}

			@Override
			public void wrote(String vms, String table, Object key, long writerTid) {
			}

		});
		run(2, () -> this.purchases.save(new Purchase(11L, 1L)));
		assertThat(reads).contains("2 read fk_customers 1@1");
		reads.clear();
		assertThatThrownBy(() -> run(3, () -> this.customers.deleteById(1L)))
			.isInstanceOf(IntegrityViolationException.class);
		assertThat(reads).contains("3 read fk_purchases 10@1", "3 read fk_purchases 11@2");
	}

	@Test
	void checkpointsWriteForeignKeyColumnsWithoutDatabaseConstraints() throws SQLException {
		try (Checkpointer checkpointer = new Checkpointer(this.store, sink(), Duration.ofHours(1))) {
			checkpointer.recover();
			run(1, () -> {
				this.customers.save(new Customer(1L, "ada"));
				this.customers.save(new Customer(2L, "bob"));
			});
			run(2, () -> {
				this.purchases.save(new Purchase(10L, 1L));
				this.purchases.save(new Purchase(11L, 2L));
				this.lines.save(new PurchaseLine(10L, 1, 2));
				this.lines.save(new PurchaseLine(11L, 1, 5));
			});
			commit(2);
			checkpointer.checkpointNow();
			assertThat(rows("SELECT id, customer_id FROM fk_purchases ORDER BY id")).isEqualTo(Map.of(10L, 1L, 11L, 2L));
			// children deleted before their parents, parents inserted before their children, in one checkpoint
			run(3, () -> {
				this.lines.deleteById(new PurchaseLineId(11L, 1));
				this.purchases.deleteById(11L);
				this.customers.deleteById(2L);
				this.customers.save(new Customer(3L, "cy"));
				this.purchases.save(new Purchase(12L, 3L));
			});
			commit(3);
			checkpointer.checkpointNow();
		}
		assertThat(rows("SELECT id, customer_id FROM fk_purchases")).isEqualTo(Map.of(10L, 1L, 12L, 3L));
		assertThat(rows("SELECT purchase_id, quantity FROM fk_purchase_lines")).isEqualTo(Map.of(10L, 2L));
		assertThat(rows("SELECT COUNT(*), 0 FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_TYPE = 'FOREIGN KEY'"))
			.as("the store enforces references; the database gets no constraint that would order checkpoint writes")
			.isEqualTo(Map.of(0L, 0L));

		this.store = newStore();
		try (Checkpointer checkpointer = new Checkpointer(this.store, sink(), Duration.ofHours(1))) {
			checkpointer.recover();
		}
		VmsCatalog catalog = new VmsCatalog();
		this.unit.tables().values().forEach(entity -> catalog.register(bind(entity, this.store)));
		VmsRepositoryFactory factory = new VmsRepositoryFactory(catalog);
		CustomerRepository recovered = factory.getRepository(CustomerRepository.class);
		assertThatThrownBy(() -> run(4, () -> recovered.deleteById(3L)))
			.as("the recovered store's index finds the referencing row")
			.isInstanceOf(IntegrityViolationException.class)
			.hasMessageContaining("row 12 of fk_purchases still references it");
	}

	private VersionedStore newStore() {
		return new VersionedStore("shop", this.unit.tables().values().stream().map(EntityTable::schema).toList());
	}

	private JdbcCheckpointSink sink() {
		return new JdbcCheckpointSink("shop", this.dataSource,
				this.unit.tables().values().stream().map(EntityTable::schema).toList());
	}

	private static <T> BoundTable<T> bind(EntityTable<T> entity, VersionedStore store) {
		return new BoundTable<>("shop", entity, store, store.table(entity.schema().name()));
	}

	private TableSchema schema(Class<?> entity) {
		return this.unit.tables().get(entity).schema();
	}

	/** Runs work as a read-write transaction at a TID of batch TID (one transaction per batch keeps it simple). */
	private void run(long tid, Runnable work) {
		Callable<Void> call = () -> {
			work.run();
			return null;
		};
		try {
			new TransactionContext(tid, tid, TransactionType.READ_WRITE).callBound(call);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Commits every batch up to the given TID (batch = TID in these tests). */
	private void commit(long tid) {
		for (long next = this.batch + 1; next <= tid; next++) {
			this.store.commit(next, next);
		}
		this.batch = tid;
	}

	private Map<Long, Long> rows(String sql) throws SQLException {
		Map<Long, Long> rows = new TreeMap<>();
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.put(result.getLong(1), result.getLong(2));
			}
		}
		return rows;
	}

}
