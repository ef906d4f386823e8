package dev.vmodb.jpa.checkpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

	private static final Set<Class<?>> TRACKABLE_KEYS = Set.of(Long.class, Integer.class, Short.class, Byte.class,
			String.class, Character.class, Boolean.class, UUID.class, LocalDate.class);

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

	private final String selectKeys;

	private final String merge;

	private final String update;

	/** The non-key columns, in the order {@link #update} sets them (its key parameters follow). */
	private final int[] valueColumns;

	/**
	 * Whether the keys of the stored rows can be tracked: key values whose {@code equals} matches the database's
	 * equality (not decimals, floating point, arrays or time stamps, whose scale, precision or identity may differ).
	 */
	private final boolean trackable;

	/**
	 * The keys of the rows in the database table, when known: then new rows are inserted and known ones updated
	 * instead of merged, which makes H2 look every row up first. Guarded by the sink; {@code null} until read.
	 */
	private Set<Object> stored;

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
		this.selectKeys = "SELECT " + keys + " FROM " + table;
		this.valueColumns = IntStream.range(0, schema.columns().size())
			.filter(i -> !schema.keyColumns().contains(i))
			.toArray();
		this.update = (this.valueColumns.length == 0) ? null : "UPDATE " + table + " SET "
				+ Arrays.stream(this.valueColumns).mapToObj(i -> identifier(schema.columns().get(i).name()) + " = ?")
						.collect(Collectors.joining(", "))
				+ " WHERE " + schema.keyColumns().stream().map(k -> identifier(schema.columns().get(k).name()) + " = ?")
						.collect(Collectors.joining(" AND "));
		this.trackable = schema.keyColumns()
			.stream()
			.map(k -> schema.columns().get(k).javaType())
			.allMatch(TRACKABLE_KEYS::contains);
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

	/** Reads every stored row; the keys read are remembered, so the first checkpoint need not read them again. */
	void load(Connection connection, Consumer<Object[]> rows) throws SQLException {
		Set<Object> keys = this.trackable ? new HashSet<>() : null;
		try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(this.select)) {
			while (resultSet.next()) {
				Object[] row = new Object[this.codecs.length];
				for (int i = 0; i < row.length; i++) {
					row[i] = this.codecs[i].read(resultSet, i + 1);
				}
				if (keys != null) {
					keys.add(this.schema.keyOf(row));
				}
				rows.accept(row);
			}
		}
		this.stored = keys;
	}

	/**
	 * Forgets the stored keys, after a checkpoint failed: what the database holds is read again when needed.
	 */
	void forget() {
		this.stored = null;
	}

	private Set<Object> stored(Statements statements) throws SQLException {
		if (this.stored == null) {
			Set<Object> keys = new HashSet<>();
			Object[] values = new Object[this.keyColumns.length];
			try (ResultSet resultSet = statements.get(this.selectKeys).executeQuery()) {
				while (resultSet.next()) {
					for (int i = 0; i < values.length; i++) {
						values[i] = this.codecs[this.keyColumns[i]].read(resultSet, i + 1);
					}
					keys.add(CompositeKey.of(values));
				}
			}
			this.stored = keys;
		}
		return this.stored;
	}

	/**
	 * Writes the net changes: deletions first, so a key freed by one row can be taken by another.
	 * @param statements the sink's statements
	 * @param changes the table's net changes
	 * @param knownKeys whether to insert and update by the keys known to be stored, or to merge every row
	 */
	void write(Statements statements, TableChanges changes, boolean knownKeys) throws SQLException {
		if (!knownKeys || !this.trackable) {
			this.stored = null;
			writeByMerge(statements, changes);
			return;
		}
		Set<Object> stored = stored(statements);
		List<Object> deletes = new ArrayList<>(changes.deletes().size());
		for (Object key : changes.deletes()) {
			// A row inserted and deleted again since the last checkpoint never reached the database.
			if (stored.remove(key)) {
				deletes.add(key);
			}
		}
		executeBatched(statements, this.delete, deletes, this::bindKey);
		List<Object[]> inserts = new ArrayList<>(changes.upserts().size());
		List<Object[]> updates = new ArrayList<>();
		List<Object> replaced = new ArrayList<>();
		for (Object[] row : changes.upserts()) {
			Object key = this.schema.keyOf(row);
			if (stored.add(key)) {
				inserts.add(row);
			}
			else if (this.replaceByDelete) {
				replaced.add(key);
				inserts.add(row);
			}
			else if (this.update != null) {
				updates.add(row);
			}
		}
		executeBatched(statements, this.delete, replaced, this::bindKey);
		executeBatched(statements, this.update, updates, this::bindUpdate);
		executeBatched(statements, this.insert, inserts, this::bindRow);
	}

	private void writeByMerge(Statements statements, TableChanges changes) throws SQLException {
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

	private void bindUpdate(PreparedStatement statement, Object[] row) throws SQLException {
		int parameter = 1;
		for (int i : this.valueColumns) {
			this.codecs[i].bind(statement, parameter++, row[i]);
		}
		for (int k : this.keyColumns) {
			this.codecs[k].bind(statement, parameter++, row[k]);
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
