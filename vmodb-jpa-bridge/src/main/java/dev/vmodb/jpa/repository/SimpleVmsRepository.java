package dev.vmodb.jpa.repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.util.Assert;

import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;
import dev.vmodb.jpa.mapping.BoundTable;
import dev.vmodb.jpa.mapping.EntityTable;
import dev.vmodb.jpa.mapping.ForeignKeyChecks;

/**
 * The {@link VmsRepository} methods every repository has, over one entity's {@link BoundTable}; the base class
 * of repository proxies.
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public class SimpleVmsRepository<T, ID> implements VmsRepository<T, ID> {

	private final BoundTable<T> table;

	private final EntityTable<T> entity;

	private final VersionedTable rows;

	private final ForeignKeyChecks foreignKeys;

	private final RowOrder keyOrder;

	public SimpleVmsRepository(BoundTable<T> table) {
		Assert.notNull(table, "BoundTable must not be null");
		this.table = table;
		this.entity = table.entity();
		this.rows = table.table();
		this.foreignKeys = ForeignKeyChecks.of(table.store(), table.table());
		this.keyOrder = RowOrder.byKey(this.entity.schema());
	}

	@Override
	public <S extends T> S save(S entity) {
		Assert.notNull(entity, "Entity must not be null");
		TransactionContext tx = this.table.writer();
		this.rows.upsert(tx, checkedRow(tx, entity));
		return entity;
	}

	@Override
	public T insert(T entity) {
		Assert.notNull(entity, "Entity must not be null");
		TransactionContext tx = this.table.writer();
		this.rows.insert(tx, checkedRow(tx, entity));
		return entity;
	}

	@Override
	public T update(T entity) {
		Assert.notNull(entity, "Entity must not be null");
		TransactionContext tx = this.table.writer();
		this.rows.update(tx, checkedRow(tx, entity));
		return entity;
	}

	@Override
	public <S extends T> List<S> saveAll(Iterable<S> entities) {
		Assert.notNull(entities, "Entities must not be null");
		TransactionContext tx = this.table.writer();
		List<S> saved = new ArrayList<>();
		for (S entity : entities) {
			Assert.notNull(entity, "Entities must not contain null");
			this.rows.upsert(tx, checkedRow(tx, entity));
			saved.add(entity);
		}
		return saved;
	}

	@Override
	public Optional<T> findById(ID id) {
		Object key = keyOf(id);
		Object[] row = this.table.read(tid -> this.rows.read(key, tid));
		return (row != null) ? Optional.of(this.entity.toEntity(row)) : Optional.empty();
	}

	@Override
	public boolean existsById(ID id) {
		Object key = keyOf(id);
		return this.table.read(tid -> this.rows.read(key, tid) != null);
	}

	@Override
	public List<T> findAll() {
		return findAll(Sort.unsorted());
	}

	@Override
	public List<T> findAll(Sort sort) {
		Assert.notNull(sort, "Sort must not be null");
		List<Object[]> all = sortedRows(sort);
		return ResultWindow.of(all.size(), 0, all.size()).entities(this.entity, all);
	}

	@Override
	public Page<T> findAll(Pageable pageable) {
		Assert.notNull(pageable, "Pageable must not be null");
		List<Object[]> all = sortedRows(pageable.getSort());
		ResultWindow window = pageable.isPaged()
				? ResultWindow.of(all.size(), pageable.getOffset(), pageable.getPageSize())
				: ResultWindow.of(all.size(), 0, all.size());
		return new PageImpl<>(window.entities(this.entity, all), pageable, all.size());
	}

	/** In the order of the given ids, each entity once; ids without an entity are skipped. */
	@Override
	public List<T> findAllById(Iterable<ID> ids) {
		Assert.notNull(ids, "Ids must not be null");
		Set<Object> keys = new LinkedHashSet<>();
		for (ID id : ids) {
			keys.add(keyOf(id));
		}
		List<Object[]> found = this.table.read(tid -> {
			List<Object[]> rows = new ArrayList<>(keys.size());
			for (Object key : keys) {
				Object[] row = this.rows.read(key, tid);
				if (row != null) {
					rows.add(row);
				}
			}
			return rows;
		});
		return ResultWindow.of(found.size(), 0, found.size()).entities(this.entity, found);
	}

	@Override
	public long count() {
		return this.table.read(tid -> {
			long[] count = new long[1];
			this.rows.forEachVisible(tid, row -> count[0]++);
			return count[0];
		});
	}

	@Override
	public void deleteById(ID id) {
		deleteRow(this.table.writer(), keyOf(id));
	}

	@Override
	public void delete(T entity) {
		Assert.notNull(entity, "Entity must not be null");
		Object id = this.entity.idOf(entity);
		TransactionContext tx = this.table.writer();
		if (id != null) {
			deleteRow(tx, this.entity.keyOf(id));
		}
	}

	@Override
	public void deleteAllById(Iterable<? extends ID> ids) {
		Assert.notNull(ids, "Ids must not be null");
		TransactionContext tx = this.table.writer();
		for (ID id : ids) {
			deleteRow(tx, keyOf(id));
		}
	}

	@Override
	public void deleteAll(Iterable<? extends T> entities) {
		Assert.notNull(entities, "Entities must not be null");
		TransactionContext tx = this.table.writer();
		for (T entity : entities) {
			Object id = this.entity.idOf(entity);
			if (id != null) {
				deleteRow(tx, this.entity.keyOf(id));
			}
		}
	}

	@Override
	public void deleteAll() {
		TransactionContext tx = this.table.writer();
		List<Object[]> all = new ArrayList<>();
		this.rows.forEachVisible(tx.tid(), all::add);
		// Delete in key order: the writes a handler records must be the same when it is replayed.
		all.sort(this.keyOrder);
		for (Object[] row : all) {
			deleteRow(tx, this.entity.schema().keyOf(row));
		}
	}

	/** The row of an entity about to be written, once its foreign keys name visible parents. */
	private Object[] checkedRow(TransactionContext tx, T entity) {
		Object[] row = this.entity.toRow(entity);
		this.foreignKeys.checkWrite(row, tx.tid());
		return row;
	}

	/** Deletes a row unless a visible row still references it. */
	private void deleteRow(TransactionContext tx, Object key) {
		this.foreignKeys.checkDelete(key, tx.tid());
		this.rows.delete(tx, key);
	}

	private List<Object[]> sortedRows(Sort sort) {
		RowOrder order = sort.isSorted() ? RowOrder.of(this.entity, sort) : this.keyOrder;
		List<Object[]> all = this.table.read(tid -> {
			List<Object[]> rows = new ArrayList<>();
			this.rows.forEachVisible(tid, rows::add);
			return rows;
		});
		all.sort(order);
		return all;
	}

	private Object keyOf(ID id) {
		Assert.notNull(id, "The given id must not be null");
		return this.entity.keyOf(id);
	}

	@Override
	public String toString() {
		return "SimpleVmsRepository[" + this.entity.type().getSimpleName() + " in VMS '" + this.table.vms() + "']";
	}

}
