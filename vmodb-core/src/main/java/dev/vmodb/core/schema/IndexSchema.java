package dev.vmodb.core.schema;

import java.util.List;

/**
 * A secondary index of a VMS table over one or more columns.
 *
 * @param name the index name
 * @param columns the positions of the indexed columns in the table's rows
 * @param unique whether two visible rows may not share the indexed values
 */
public record IndexSchema(String name, List<Integer> columns, boolean unique) {

	public IndexSchema {
		columns = List.copyOf(columns);
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Index " + name + " has no columns");
		}
	}

	/**
	 * The index key of a row: the indexed values, as one value or a {@link CompositeKey}.
	 * @param row the row
	 * @return the index key
	 */
	public Object keyOf(Object[] row) {
		return CompositeKey.project(row, columns);
	}

}
