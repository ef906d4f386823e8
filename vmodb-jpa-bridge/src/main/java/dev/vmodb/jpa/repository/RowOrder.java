package dev.vmodb.jpa.repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.domain.Sort;

import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.jpa.mapping.EntityTable;

/**
 * Orders rows by columns, then by primary key.
 *
 * <p>The primary key always breaks ties, so every query result has one deterministic order: handlers must be
 * deterministic, and a result whose order depended on hash-map layout would differ on replay. {@code null} sorts
 * as the lowest value (first ascending, last descending, as in H2) unless the sort says otherwise.
 */
final class RowOrder implements Comparator<Object[]> {

	private final int[] columns;

	private final boolean[] descending;

	private final boolean[] nullsFirst;

	private final boolean[] ignoreCase;

	private RowOrder(List<Key> keys) {
		int n = keys.size();
		this.columns = new int[n];
		this.descending = new boolean[n];
		this.nullsFirst = new boolean[n];
		this.ignoreCase = new boolean[n];
		for (int i = 0; i < n; i++) {
			Key key = keys.get(i);
			this.columns[i] = key.column;
			this.descending[i] = key.descending;
			this.nullsFirst[i] = key.nullsFirst;
			this.ignoreCase[i] = key.ignoreCase;
		}
	}

	/**
	 * The primary-key order of a table.
	 * @param schema the table
	 * @return the order
	 */
	static RowOrder byKey(TableSchema schema) {
		List<Key> keys = new ArrayList<>();
		for (int column : schema.keyColumns()) {
			keys.add(new Key(column, false, true, false));
		}
		return new RowOrder(keys);
	}

	/**
	 * The order a Spring Data sort asks for, then primary-key order.
	 * @param entity the entity table
	 * @param sort the sort, by attribute paths such as {@code "price"} or {@code "id.sellerId"}
	 * @return the order
	 * @throws IllegalArgumentException if a sort property maps to no column or to unordered values
	 */
	static RowOrder of(EntityTable<?> entity, Sort sort) {
		List<Key> keys = new ArrayList<>();
		for (Sort.Order order : sort) {
			int column = entity.columnOf(order.getProperty());
			if (column < 0) {
				throw new IllegalArgumentException("Cannot sort " + entity.type().getSimpleName() + " by '"
						+ order.getProperty() + "': it maps to no column; sort by a basic attribute (for an embedded id, "
						+ "by its parts, such as 'id.sellerId')");
			}
			Class<?> type = entity.schema().columns().get(column).javaType();
			if (!ColumnValues.isOrdered(type)) {
				throw new IllegalArgumentException("Cannot sort " + entity.type().getSimpleName() + " by '"
						+ order.getProperty() + "': values of " + type.getName() + " have no order");
			}
			boolean nullsFirst = switch (order.getNullHandling()) {
				case NULLS_FIRST -> true;
				case NULLS_LAST -> false;
				case NATIVE -> order.isAscending();
			};
			keys.add(new Key(column, order.isDescending(), nullsFirst, order.isIgnoreCase() && type == String.class));
		}
		for (int column : entity.schema().keyColumns()) {
			if (keys.stream().noneMatch(key -> key.column == column)) {
				keys.add(new Key(column, false, true, false));
			}
		}
		return new RowOrder(keys);
	}

	@Override
	public int compare(Object[] left, Object[] right) {
		for (int i = 0; i < this.columns.length; i++) {
			Object a = left[this.columns[i]];
			Object b = right[this.columns[i]];
			if (a == b) {
				continue;
			}
			int result;
			if (a == null) {
				result = this.nullsFirst[i] ? -1 : 1;
			}
			else if (b == null) {
				result = this.nullsFirst[i] ? 1 : -1;
			}
			else {
				result = this.ignoreCase[i] ? String.CASE_INSENSITIVE_ORDER.compare((String) a, (String) b)
						: ColumnValues.compare(a, b);
				if (this.descending[i]) {
					result = -result;
				}
			}
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	private record Key(int column, boolean descending, boolean nullsFirst, boolean ignoreCase) {
	}

}
