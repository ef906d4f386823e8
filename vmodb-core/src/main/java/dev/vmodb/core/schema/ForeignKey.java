package dev.vmodb.core.schema;

/**
 * A single-column foreign key of a VMS table: the column holds the primary key of a row of a parent table of the
 * same VMS, or {@code null}.
 *
 * <p>The column is covered by a secondary index of the table, so that deleting a parent row can find the rows
 * that still reference it without scanning the table.
 *
 * @param column the position of the referencing column in the table's rows
 * @param parentTable the name of the referenced table, whose primary key is a single column
 * @param index the position, in the table's {@link TableSchema#indexes()}, of an index over exactly this column
 */
public record ForeignKey(int column, String parentTable, int index) {

	/**
	 * The foreign key in words, for error messages, for example {@code "foreign key cart_lines.order_id → orders"}.
	 * @param table the referencing table
	 * @return the description
	 */
	public String describe(TableSchema table) {
		return "foreign key " + table.name() + "." + table.columns().get(this.column).name() + " → " + this.parentTable;
	}

}
