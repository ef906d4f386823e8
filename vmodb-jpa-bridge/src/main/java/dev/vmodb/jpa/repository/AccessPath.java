package dev.vmodb.jpa.repository;

import java.util.function.Consumer;

import dev.vmodb.core.schema.CompositeKey;
import dev.vmodb.core.store.VersionedTable;

/**
 * How one branch of a query finds its candidate rows: by primary key, by a secondary index or by scanning.
 */
sealed interface AccessPath {

	/**
	 * Calls the action with every candidate row visible at a TID.
	 * @param table the table's versions
	 * @param tid the reader's TID
	 * @param args the call's bound arguments
	 * @param action receives each candidate row; the branch's filters still apply
	 */
	void forEach(VersionedTable table, long tid, Object[] args, Consumer<Object[]> action);

	/**
	 * A description for humans and tests, for example {@code "index orders_seller_idx (seller_id)"}.
	 * @return the description
	 */
	String describe();

	/**
	 * The key (or index key) the arguments in the given slots form: one value, or a composite key in column order.
	 */
	private static Object keyOf(int[] slots, Object[] args) {
		if (slots.length == 1) {
			return args[slots[0]];
		}
		Object[] values = new Object[slots.length];
		for (int i = 0; i < slots.length; i++) {
			values[i] = args[slots[i]];
		}
		return CompositeKey.of(values);
	}

	/** A point read: equality arguments cover every primary-key column. */
	record PrimaryKey(int[] slots, String columns) implements AccessPath {

		@Override
		public void forEach(VersionedTable table, long tid, Object[] args, Consumer<Object[]> action) {
			for (int slot : this.slots) {
				if (args[slot] == null) {
					return; // key columns are never null, and the row map cannot look up a null key
				}
			}
			Object[] row = table.read(keyOf(this.slots, args), tid);
			if (row != null) {
				action.accept(row);
			}
		}

		@Override
		public String describe() {
			return "primary key (" + this.columns + ")";
		}

	}

	/**
	 * One point read per value of an {@code In} argument: equality arguments cover every primary-key column but one,
	 * which an {@code In} argument covers.
	 */
	record PrimaryKeyIn(int[] slots, int inPosition, String columns, String inColumn) implements AccessPath {

		@Override
		public void forEach(VersionedTable table, long tid, Object[] args, Consumer<Object[]> action) {
			Object[] values = new Object[this.slots.length];
			for (int i = 0; i < values.length; i++) {
				if (i != this.inPosition) {
					values[i] = args[this.slots[i]];
					if (values[i] == null) {
						return;
					}
				}
			}
			// the bound In argument is a set of non-null column values
			for (Object value : (Iterable<?>) args[this.slots[this.inPosition]]) {
				values[this.inPosition] = value;
				Object[] row = table.read(CompositeKey.of(values), tid);
				if (row != null) {
					action.accept(row);
				}
			}
		}

		@Override
		public String describe() {
			return "primary key (" + this.columns + ") per " + this.inColumn + " in";
		}

	}

	/** An index lookup: equality arguments cover every column of a secondary index. */
	record Index(int position, String name, int[] slots, String columns) implements AccessPath {

		@Override
		public void forEach(VersionedTable table, long tid, Object[] args, Consumer<Object[]> action) {
			table.forEachIndexed(this.position, keyOf(this.slots, args), tid, action);
		}

		@Override
		public String describe() {
			return "index " + this.name + " (" + this.columns + ")";
		}

	}

	/** Every visible row. */
	record FullScan() implements AccessPath {

		@Override
		public void forEach(VersionedTable table, long tid, Object[] args, Consumer<Object[]> action) {
			table.forEachVisible(tid, action);
		}

		@Override
		public String describe() {
			return "full scan";
		}

	}

}
