package dev.vmodb.jpa.repository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.VersionedTable;
import dev.vmodb.core.tx.TransactionContext;
import dev.vmodb.jpa.mapping.BoundTable;
import dev.vmodb.jpa.mapping.ForeignKeyChecks;

/**
 * A derived query method, compiled: runs its {@link QueryPlan} at the caller's TID and shapes the result into
 * the method's return type.
 *
 * @param <T> the entity type
 */
final class PartTreeVmsQuery<T> implements RepositoryQuery {

	private final QueryMethod method;

	private final BoundTable<T> table;

	private final QueryPlan plan;

	private final ArgumentBinder binder;

	private final Shape shape;

	private final boolean intResult;

	private final Sort staticSort;

	private final RowOrder staticOrder;

	private final int maxResults;

	private final SpecialParameters special;

	private final ForeignKeyChecks foreignKeys;

	PartTreeVmsQuery(QueryMethod method, BoundTable<T> table, QueryPlan plan, ArgumentBinder binder, Shape shape,
			boolean intResult, Sort staticSort, int maxResults, SpecialParameters special) {
		this.method = method;
		this.table = table;
		this.plan = plan;
		this.binder = binder;
		this.shape = shape;
		this.intResult = intResult;
		this.staticSort = staticSort;
		this.staticOrder = RowOrder.of(table.entity(), staticSort);
		this.maxResults = maxResults;
		this.special = special;
		this.foreignKeys = ForeignKeyChecks.of(table.store(), table.table());
	}

	@Override
	public QueryMethod getQueryMethod() {
		return this.method;
	}

	QueryPlan plan() {
		return this.plan;
	}

	@Override
	public Object execute(Object[] parameters) {
		Object[] args = this.binder.bind(parameters);
		VersionedTable rows = this.table.table();
		return switch (this.shape) {
			case COUNT -> number(this.table.read(tid -> this.plan.count(rows, tid, args)));
			case EXISTS -> this.table.read(tid -> this.plan.exists(rows, tid, args));
			case DELETE_VOID, DELETE_COUNT, DELETE_LIST -> delete(args);
			default -> select(parameters, args);
		};
	}

	private Object select(Object[] parameters, Object[] args) {
		Pageable pageable = this.special.pageable(parameters);
		Sort sort = this.special.sort(parameters, pageable);
		Comparator<Object[]> order = sort.isSorted() ? RowOrder.of(this.table.entity(), this.staticSort.and(sort))
				: this.staticOrder;
		List<Object[]> rows = this.table.read(tid -> this.plan.collect(this.table.table(), tid, args));
		rows.sort(order);
		int total = Math.min(rows.size(), this.maxResults);
		long size = Integer.MAX_VALUE;
		Limit limit = this.special.limit(parameters);
		if (limit.isLimited()) {
			size = limit.max();
		}
		ResultWindow window = pageable.isPaged()
				? ResultWindow.of(total, pageable.getOffset(), Math.min(size, pageable.getPageSize()))
				: ResultWindow.of(total, 0, size);
		if ((this.shape == Shape.SINGLE || this.shape == Shape.OPTIONAL) && window.size() > 1) {
			throw new IncorrectResultSizeDataAccessException(this.method.getName() + " expects at most one "
					+ this.table.entity().type().getSimpleName() + " but " + window.size() + " match; return a List or "
					+ "limit the query (findFirstBy…)", 1, window.size());
		}
		List<T> entities = window.entities(this.table.entity(), rows);
		return switch (this.shape) {
			case SINGLE -> entities.isEmpty() ? null : entities.get(0);
			case OPTIONAL -> entities.isEmpty() ? Optional.empty() : Optional.of(entities.get(0));
			case STREAM -> entities.stream();
			case PAGE -> new PageImpl<>(entities, pageable, total);
			case SLICE -> new SliceImpl<>(entities, pageable, window.hasNext());
			default -> entities;
		};
	}

	private Object delete(Object[] args) {
		TransactionContext tx = this.table.writer();
		VersionedTable table = this.table.table();
		TableSchema schema = table.schema();
		List<Object[]> rows = this.plan.collect(table, tx.tid(), args);
		// Delete in a deterministic order: handlers are replayed, and the writes they record must replay alike.
		rows.sort(this.staticOrder);
		for (Object[] row : rows) {
			Object key = schema.keyOf(row);
			this.foreignKeys.checkDelete(key, tx.tid());
			table.delete(tx, key);
		}
		return switch (this.shape) {
			case DELETE_COUNT -> number(rows.size());
			case DELETE_LIST -> ResultWindow.of(rows.size(), 0, rows.size()).entities(this.table.entity(), rows);
			default -> null;
		};
	}

	private Object number(long count) {
		return this.intResult ? (Object) Math.toIntExact(count) : (Object) count;
	}

	@Override
	public String toString() {
		return this.method.getName() + " -> " + this.plan;
	}

	/** What a query method returns. */
	enum Shape {

		COUNT, EXISTS, DELETE_VOID, DELETE_COUNT, DELETE_LIST, SINGLE, OPTIONAL, LIST, STREAM, PAGE, SLICE

	}

	/**
	 * Where a method takes its {@code Sort}, {@code Pageable} and {@code Limit} arguments, if it does.
	 *
	 * @param sortIndex the {@code Sort} parameter's position, or -1
	 * @param pageableIndex the {@code Pageable} parameter's position, or -1
	 * @param limitIndex the {@code Limit} parameter's position, or -1
	 */
	record SpecialParameters(int sortIndex, int pageableIndex, int limitIndex) {

		Pageable pageable(Object[] parameters) {
			Object pageable = (this.pageableIndex >= 0) ? parameters[this.pageableIndex] : null;
			return (pageable != null) ? (Pageable) pageable : Pageable.unpaged();
		}

		Sort sort(Object[] parameters, Pageable pageable) {
			if (this.sortIndex >= 0) {
				Object sort = parameters[this.sortIndex];
				return (sort != null) ? (Sort) sort : Sort.unsorted();
			}
			return pageable.getSort();
		}

		Limit limit(Object[] parameters) {
			Object limit = (this.limitIndex >= 0) ? parameters[this.limitIndex] : null;
			return (limit != null) ? (Limit) limit : Limit.unlimited();
		}

	}

}
