package dev.vmodb.core.schema;

/**
 * Thrown when a write would break an integrity rule of a table: a column constraint, primary-key uniqueness or
 * a unique index. The transaction that attempted the write fails.
 */
public class IntegrityViolationException extends RuntimeException {

	private final String table;

	private final String column;

	public IntegrityViolationException(String table, String column, Object value, String rule) {
		super("Integrity violation on " + table + "." + column + " (value " + value + "): " + rule);
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
