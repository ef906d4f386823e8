package dev.vmodb.core.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a VMS table: its columns, primary key, secondary indexes and constraints.
 *
 * <p>Rows are {@code Object[]} in column order; a row's primary key is the value of its single key column or a
 * {@link CompositeKey} of its key columns.
 */
public final class TableSchema {

	private final String name;

	private final List<ColumnSchema> columns;

	private final List<Integer> keyColumns;

	private final List<IndexSchema> indexes;

	private final List<ForeignKey> foreignKeys;

	private final Map<String, Integer> positions = new HashMap<>();

	/**
	 * Creates a table schema.
	 * @param name the SQL table name
	 * @param columns the columns in row order
	 * @param keyColumns the positions of the primary-key columns, in key order
	 * @param indexes the secondary indexes
	 */
	public TableSchema(String name, List<ColumnSchema> columns, List<Integer> keyColumns, List<IndexSchema> indexes) {
		this(name, columns, keyColumns, indexes, List.of());
	}

	/**
	 * Creates a table schema with foreign keys.
	 * @param name the SQL table name
	 * @param columns the columns in row order
	 * @param keyColumns the positions of the primary-key columns, in key order
	 * @param indexes the secondary indexes, including one over the column of each foreign key
	 * @param foreignKeys the foreign keys to tables of the same VMS
	 */
	public TableSchema(String name, List<ColumnSchema> columns, List<Integer> keyColumns, List<IndexSchema> indexes,
			List<ForeignKey> foreignKeys) {
		this.name = name;
		this.columns = List.copyOf(columns);
		this.keyColumns = List.copyOf(keyColumns);
		this.indexes = List.copyOf(indexes);
		this.foreignKeys = List.copyOf(foreignKeys);
		if (this.keyColumns.isEmpty()) {
			throw new IllegalArgumentException("Table " + name + " has no primary key");
		}
		for (ForeignKey foreignKey : this.foreignKeys) {
			// Restrict checks on parent deletes look children up by this index; without it they would scan the table.
			if (foreignKey.index() < 0 || foreignKey.index() >= this.indexes.size()
					|| !this.indexes.get(foreignKey.index()).columns().equals(List.of(foreignKey.column()))) {
				throw new IllegalArgumentException("Table " + name + ": the foreign key on column " + foreignKey.column()
						+ " needs an index over exactly that column");
			}
		}
		for (int i = 0; i < this.columns.size(); i++) {
			this.positions.put(this.columns.get(i).name().toLowerCase(java.util.Locale.ROOT), i);
		}
	}

	public String name() {
		return this.name;
	}

	public List<ColumnSchema> columns() {
		return this.columns;
	}

	public List<Integer> keyColumns() {
		return this.keyColumns;
	}

	public List<IndexSchema> indexes() {
		return this.indexes;
	}

	/**
	 * The foreign keys from this table to tables of the same VMS.
	 * @return the foreign keys, possibly empty
	 */
	public List<ForeignKey> foreignKeys() {
		return this.foreignKeys;
	}

	/**
	 * The position of a column, by case-insensitive name.
	 * @param columnName the column name
	 * @return the position, or -1 if there is no such column
	 */
	public int positionOf(String columnName) {
		return this.positions.getOrDefault(columnName.toLowerCase(java.util.Locale.ROOT), -1);
	}

	/**
	 * The primary key of a row.
	 * @param row the row
	 * @return the key: the value of the single key column or a {@link CompositeKey}
	 */
	public Object keyOf(Object[] row) {
		return CompositeKey.project(row, this.keyColumns);
	}

	/**
	 * Checks every constraint of every column, and that no key column is {@code null}.
	 * @param row the row about to be written
	 * @throws IntegrityViolationException naming the table, column, value and rule broken
	 */
	public void validate(Object[] row) {
		for (int k : this.keyColumns) {
			if (row[k] == null) {
				throw new IntegrityViolationException(this.name, this.columns.get(k).name(), null,
						"primary-key column must not be null");
			}
		}
		for (int i = 0; i < row.length; i++) {
			for (ColumnConstraint constraint : this.columns.get(i).constraints()) {
				if (!constraint.test(row[i])) {
					throw new IntegrityViolationException(this.name, this.columns.get(i).name(), row[i],
							constraint.description());
				}
			}
		}
	}

	@Override
	public String toString() {
		return "TableSchema[" + this.name + "]";
	}

}
