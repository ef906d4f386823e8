package dev.vmodb.jpa.checkpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.TableSchema;
import dev.vmodb.core.store.CommitMark;
import dev.vmodb.core.store.VersionedStore;

/**
 * Reads a table's rows from the store or straight from the database (plain {@code SELECT *}), keyed by primary key.
 */
final class Contents {

	private Contents() {
	}

	static Map<Object, List<Object>> ofStore(VersionedStore store, TableSchema table, long tid) {
		Map<Object, List<Object>> rows = new HashMap<>();
		store.table(table.name()).forEachVisible(tid, row -> rows.put(table.keyOf(row), Arrays.asList(row.clone())));
		return rows;
	}

	static Map<Object, List<Object>> ofDatabase(DataSource dataSource, TableSchema table) {
		Map<Object, List<Object>> rows = new HashMap<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet resultSet = statement.executeQuery("SELECT * FROM " + table.name())) {
			List<ColumnSchema> columns = table.columns();
			while (resultSet.next()) {
				Object[] row = new Object[columns.size()];
				for (int i = 0; i < row.length; i++) {
					row[i] = resultSet.getObject(columns.get(i).name(), columns.get(i).javaType());
				}
				rows.put(table.keyOf(row), Arrays.asList(row));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	/**
	 * The rows that differ between two contents of one table, to report a mismatch readably.
	 * @return one line per differing key, empty if the contents are equal
	 */
	static List<String> differences(Map<Object, List<Object>> expected, Map<Object, List<Object>> actual) {
		List<String> differences = new java.util.ArrayList<>();
		java.util.Set<Object> keys = new java.util.HashSet<>(expected.keySet());
		keys.addAll(actual.keySet());
		for (Object key : keys) {
			List<Object> want = expected.get(key);
			List<Object> got = actual.get(key);
			if (!java.util.Objects.equals(want, got)) {
				differences.add("key " + key + ": expected " + describe(want) + " but was " + describe(got));
			}
		}
		return differences;
	}

	private static String describe(List<Object> row) {
		if (row == null) {
			return "no row";
		}
		return row.stream().map(v -> (v != null) ? v + " (" + v.getClass().getSimpleName() + ")" : "null").toList().toString();
	}

	/** The checkpoint row of a VMS, or {@code null} if it has none. */
	static CommitMark checkpointRow(DataSource dataSource, String vms) {
		try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection
				.prepareStatement("SELECT batch_id, last_tid, written_at FROM vmodb_checkpoint WHERE vms = ?")) {
			statement.setString(1, vms);
			try (ResultSet resultSet = statement.executeQuery()) {
				if (!resultSet.next()) {
					return null;
				}
				if (resultSet.getTimestamp(3) == null) {
					throw new IllegalStateException("written_at not set");
				}
				return new CommitMark(resultSet.getLong(1), resultSet.getLong(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void execute(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
