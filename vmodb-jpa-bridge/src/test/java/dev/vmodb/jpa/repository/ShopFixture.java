package dev.vmodb.jpa.repository;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.h2.jdbcx.JdbcDataSource;

import dev.vmodb.core.api.TransactionType;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.core.tx.TransactionContext;
import dev.vmodb.jpa.mapping.BoundTable;
import dev.vmodb.jpa.mapping.EntityTable;
import dev.vmodb.jpa.mapping.VmsCatalog;
import dev.vmodb.jpa.mapping.VmsPersistenceUnit;
import dev.vmodb.jpa.repository.sample.CartItem;
import dev.vmodb.jpa.repository.sample.ShopOrder;
import dev.vmodb.jpa.repository.sample.StockItem;

/**
 * A "shop" VMS for tests: the sample entities mapped by Hibernate over a fresh in-memory H2 database, their
 * versioned store and a catalog, plus helpers to run work as a transaction and commit batches.
 */
final class ShopFixture implements AutoCloseable {

	final VmsPersistenceUnit unit;

	final VersionedStore store;

	final VmsCatalog catalog = new VmsCatalog();

	private ShopFixture() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:shop-" + UUID.randomUUID());
		this.unit = VmsPersistenceUnit.create("shop", dataSource,
				List.<Class<?>>of(ShopOrder.class, CartItem.class, StockItem.class));
		this.store = new VersionedStore("shop", this.unit.tables().values().stream().map(EntityTable::schema).toList());
		this.unit.tables().values().forEach(this::register);
	}

	static ShopFixture create() {
		return new ShopFixture();
	}

	/**
	 * Runs work as a read-write transaction.
	 * @param tid the transaction's TID
	 * @param batch its batch
	 * @param work the work
	 * @return what the work returned
	 */
	<R> R inTransaction(long tid, long batch, Callable<R> work) {
		return inTransaction(tid, batch, TransactionType.READ_WRITE, work);
	}

	<R> R inTransaction(long tid, long batch, TransactionType type, Callable<R> work) {
		try {
			return new TransactionContext(tid, batch, type).callBound(work);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	void run(long tid, long batch, Runnable work) {
		inTransaction(tid, batch, () -> {
			work.run();
			return null;
		});
	}

	private <T> void register(EntityTable<T> entity) {
		this.catalog.register(new BoundTable<>("shop", entity, this.store, this.store.table(entity.schema().name())));
	}

	@Override
	public void close() {
		this.unit.close();
	}

}
