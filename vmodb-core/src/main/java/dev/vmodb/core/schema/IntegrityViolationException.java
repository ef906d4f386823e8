package dev.vmodb.core.schema;

/**
 * Thrown when a write would break an integrity rule of a table: a column constraint, primary-key uniqueness,
 * a unique index or a foreign key. The transaction that attempted the write fails.
 */
public class IntegrityViolationException extends RuntimeException {

	private final String table;

	private final String column;

	public IntegrityViolationException(String table, String column, Object value, String rule) {
		super("Integrity violation on " + table + "." + column + " (value " + value + "): " + rule);
		this.table = table;
		this.column = column;
	}

	/**
	 * A violation of a rule about one column that the message describes in full, such as a foreign key.
	 * @param table the table whose rule was broken
	 * @param column the column whose rule was broken
	 * @param message what was broken, naming the value
	 */
	public IntegrityViolationException(String table, String column, String message) {
		super("Integrity violation on " + table + ": " + message);
		this.table = table;
		this.column = column;
	}

	public IntegrityViolationException(String table, String message) {
		super("Integrity violation on " + table + ": " + message);
		this.table = table;
		this.column = null;
	}

	/**
	 * The table whose rule was broken.
	 * @return the table name
	 */
	public String table() {
		return this.table;
	}

	/**
	 * The column whose rule was broken.
	 * @return the column name, or {@code null} for a rule over the whole row
	 */
	public String column() {
		return this.column;
	}

}
