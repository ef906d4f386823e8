package dev.vmodb.jpa.repository;

import java.util.List;
import java.util.function.Consumer;

import dev.vmodb.core.store.VersionedTable;

/**
 * One {@code Or} branch of a derived query: an access path and the conditions left to check on each row.
 */
final class Branch {

	private final AccessPath access;

	private final Condition[] filters;

	private final List<String> filterDescriptions;

	Branch(AccessPath access, List<Condition> filters, List<String> filterDescriptions) {
		this.access = access;
		this.filters = filters.toArray(Condition[]::new);
		this.filterDescriptions = List.copyOf(filterDescriptions);
	}

	AccessPath access() {
		return this.access;
	}

	/**
	 * Calls the action with every matching row visible at a TID.
	 * @param table the table's versions
	 * @param tid the reader's TID
	 * @param args the call's bound arguments
	 * @param action receives each matching row
	 */
	void forEachMatch(VersionedTable table, long tid, Object[] args, Consumer<Object[]> action) {
		if (this.filters.length == 0) {
			this.access.forEach(table, tid, args, action);
			return;
		}
		this.access.forEach(table, tid, args, row -> {
			if (matches(row, args)) {
				action.accept(row);
			}
		});
	}

	private boolean matches(Object[] row, Object[] args) {
		for (Condition filter : this.filters) {
			if (!filter.test(row, args)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return this.filterDescriptions.isEmpty() ? this.access.describe()
				: this.access.describe() + " where " + String.join(" and ", this.filterDescriptions);
	}

}
