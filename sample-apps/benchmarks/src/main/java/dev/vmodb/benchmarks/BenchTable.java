package dev.vmodb.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.TableSchema;

/**
 * The benchmark's one table: a stock item with a secondary index on its category, as schema, DDL and rows.
 */
final class BenchTable {

	static final TableSchema SCHEMA = new TableSchema("bench_item", List.of(column("id", Long.class),
			column("sku", String.class), column("category", Integer.class), column("quantity", Integer.class),
			column("price", BigDecimal.class), column("updated_at", Instant.class)), List.of(0),
			List.of(new IndexSchema("bench_item_category", List.of(2), false)));

	static final String INSERT = "INSERT INTO bench_item (id, sku, category, quantity, price, updated_at) VALUES (?, ?, ?, ?, ?, ?)";

	static final String UPDATE = "UPDATE bench_item SET sku = ?, category = ?, quantity = ?, price = ?, updated_at = ? WHERE id = ?";

	private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

	private BenchTable() {
	}

	/** The DDL Hibernate's schema tool would issue for {@link BenchItem}, run by hand so both writers get the same. */
	static void create(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE bench_item (id BIGINT PRIMARY KEY, sku VARCHAR(32) NOT NULL,"
					+ " category INTEGER NOT NULL, quantity INTEGER NOT NULL, price DECIMAL(12,2) NOT NULL,"
					+ " updated_at TIMESTAMP(6) WITH TIME ZONE)");
			statement.execute("CREATE INDEX bench_item_category ON bench_item (category)");
		}
	}

	/**
	 * Rows with consecutive ids; {@code version} changes every non-key value, so rewriting them is a real update.
	 * @param firstId the first id
	 * @param count the number of rows
	 * @param version distinguishes rewrites of the same ids
	 * @param categories the number of distinct categories
	 * @return the rows in column order
	 */
	static List<Object[]> rows(long firstId, int count, int version, int categories) {
		List<Object[]> rows = new ArrayList<>(count);
		for (long id = firstId; id < firstId + count; id++) {
			rows.add(row(id, version, categories));
		}
		return rows;
	}

	static Object[] row(long id, int version, int categories) {
		return new Object[] { id, "SKU-" + id + "-" + version, (int) (id % categories), (int) ((id * 31 + version) % 1000),
				BigDecimal.valueOf(id * 7 + version, 2), EPOCH.plusSeconds(id + version) };
	}

	/** Loads rows with plain batched INSERTs, outside any measurement. */
	static void load(DataSource dataSource, List<Object[]> rows) throws SQLException {
		try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
			connection.setAutoCommit(false);
			int pending = 0;
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					insert.setObject(i + 1, row[i]);
				}
				insert.addBatch();
				if (++pending == 1000) {
					insert.executeBatch();
					pending = 0;
				}
			}
			insert.executeBatch();
			connection.commit();
		}
	}

	private static ColumnSchema column(String name, Class<?> type) {
		return new ColumnSchema(name, type, List.of());
	}

}
