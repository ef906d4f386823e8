package dev.vmodb.jpa.checkpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.vmodb.core.schema.CompositeKey;
import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.TableChanges;

/**
 * The SQL of one VMS table, built once, and the batched statements that load and write its rows.
 */
final class TableWriter {

	/** Rows per {@code executeBatch}: large enough to amortise the round trip, small enough to bound memory. */
	static final int BATCH_SIZE = 1000;

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final TableSchema schema;

	private final ColumnCodec[] codecs;

	private final int[] keyColumns;

	/**
	 * A unique index in the database is checked row by row, so rows that swap unique values within one checkpoint
	 * would collide in any MERGE order: such tables replace changed rows by deleting all of them first.
	 */
	private final boolean replaceByDelete;

	private final String select;

	private final String merge;

	private final String insert;

	private final String delete;

	TableWriter(TableSchema schema) {
		this.schema = schema;
		this.codecs = schema.columns().stream().map(column -> new ColumnCodec(column.javaType())).toArray(ColumnCodec[]::new);
		this.keyColumns = schema.keyColumns().stream().mapToInt(Integer::intValue).toArray();
		this.replaceByDelete = schema.indexes().stream().anyMatch(IndexSchema::unique);
		String table = identifier(schema.name());
		String columns = schema.columns().stream().map(column -> identifier(column.name())).collect(Collectors.joining(", "));
		String keys = schema.keyColumns().stream().map(k -> identifier(schema.columns().get(k).name()))
				.collect(Collectors.joining(", "));
		String placeholders = schema.columns().stream().map(column -> "?").collect(Collectors.joining(", "));
		this.select = "SELECT " + columns + " FROM " + table;
		this.merge = "MERGE INTO " + table + " (" + columns + ") KEY (" + keys + ") VALUES (" + placeholders + ")";
		this.insert = "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
		this.delete = "DELETE FROM " + table + " WHERE " + schema.keyColumns().stream()
				.map(k -> identifier(schema.columns().get(k).name()) + " = ?").collect(Collectors.joining(" AND "));
	}

	TableSchema schema() {
		return this.schema;
	}

	/**
	 * Quotes a name only when it is not a plain identifier, so plain names match however the database folds case.
	 * @param name a table or column name
	 * @return the name as it goes into SQL
	 */
	static String identifier(String name) {
		return PLAIN_IDENTIFIER.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
	}

	void load(Connection connection, Consumer<Object[]> rows) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(this.select)) {
			while (resultSet.next()) {
				Object[] row = new Object[this.codecs.length];
				for (int i = 0; i < row.length; i++) {
					row[i] = this.codecs[i].read(resultSet, i + 1);
				}
				rows.accept(row);
			}
		}
	}

	/** Writes the net changes: deletions first, so a key freed by one row can be taken by another. */
	void write(Statements statements, TableChanges changes) throws SQLException {
		executeBatched(statements, this.delete, changes.deletes(), this::bindKey);
		if (this.replaceByDelete) {
			List<Object> replaced = new ArrayList<>(changes.upserts().size());
			for (Object[] row : changes.upserts()) {
				replaced.add(this.schema.keyOf(row));
			}
			executeBatched(statements, this.delete, replaced, this::bindKey);
			executeBatched(statements, this.insert, changes.upserts(), this::bindRow);
		}
		else {
			executeBatched(statements, this.merge, changes.upserts(), this::bindRow);
		}
	}

	private void bindRow(PreparedStatement statement, Object[] row) throws SQLException {
		for (int i = 0; i < this.codecs.length; i++) {
			this.codecs[i].bind(statement, i + 1, row[i]);
		}
	}

	private void bindKey(PreparedStatement statement, Object key) throws SQLException {
		Object[] values = CompositeKey.values(key, this.keyColumns.length);
		for (int i = 0; i < values.length; i++) {
			this.codecs[this.keyColumns[i]].bind(statement, i + 1, values[i]);
		}
	}

	private static <T> void executeBatched(Statements statements, String sql, List<T> items, Binder<T> binder)
			throws SQLException {
		if (items.isEmpty()) {
			return;
		}
		PreparedStatement statement = statements.get(sql);
		int pending = 0;
		for (T item : items) {
			binder.bind(statement, item);
			statement.addBatch();
			if (++pending == BATCH_SIZE) {
				statement.executeBatch();
				pending = 0;
			}
		}
		if (pending > 0) {
			statement.executeBatch();
		}
	}

	/** Hands out the statements a checkpoint writes with, prepared once on the sink's connection and kept open. */
	@FunctionalInterface
	interface Statements {

		PreparedStatement get(String sql) throws SQLException;

	}

	@FunctionalInterface
	private interface Binder<T> {

		void bind(PreparedStatement statement, T item) throws SQLException;

	}

}
