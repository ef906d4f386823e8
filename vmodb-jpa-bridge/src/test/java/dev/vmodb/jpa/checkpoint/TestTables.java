package dev.vmodb.jpa.checkpoint;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import dev.vmodb.core.schema.ColumnSchema;
import dev.vmodb.core.schema.IndexSchema;
import dev.vmodb.core.schema.TableSchema;

/**
 * The two tables of the test VMS and their DDL, standing in for what Hibernate's schema tool would create.
 */
final class TestTables {

	static final String VMS = "shop";

	/** Single key, a secondary index, and Java types JDBC returns differently (Long in INTEGER, Instant, LocalDateTime). */
	static final TableSchema CUSTOMER = new TableSchema("customer", List.of(column("id", Long.class),
			column("name", String.class), column("city", String.class), column("balance", BigDecimal.class),
			column("visits", Long.class), column("created_at", LocalDateTime.class), column("updated_at", Instant.class),
			column("active", Boolean.class)), List.of(0), List.of(new IndexSchema("customer_city", List.of(2), false)));

	/** Composite key; {@code product} is VARCHAR(5) in the database but unconstrained in the store, to fail a write. */
	static final TableSchema ORDER_LINE = new TableSchema("order_line", List.of(column("order_id", Long.class),
			column("line_no", Integer.class), column("product", String.class), column("quantity", Integer.class),
			column("price", BigDecimal.class), column("note", String.class), column("placed_on", LocalDate.class)),
			List.of(0, 1), List.of(new IndexSchema("order_line_order", List.of(0), false)));

	/** Unique index on {@code code}: rows may swap codes between checkpoints. */
	static final TableSchema VOUCHER = new TableSchema("voucher", List.of(column("id", Long.class),
			column("code", String.class), column("amount", Integer.class)), List.of(0),
			List.of(new IndexSchema("voucher_code", List.of(1), true)));

	static final List<TableSchema> ALL = List.of(CUSTOMER, ORDER_LINE);

	private TestTables() {
	}

	static void create(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, city VARCHAR(20),"
					+ " balance DECIMAL(12,2) NOT NULL, visits INTEGER NOT NULL, created_at TIMESTAMP(6),"
					+ " updated_at TIMESTAMP(6) WITH TIME ZONE, active BOOLEAN NOT NULL)");
			statement.execute("CREATE INDEX customer_city ON customer (city)");
			statement.execute("CREATE TABLE order_line (order_id BIGINT NOT NULL, line_no INTEGER NOT NULL,"
					+ " product VARCHAR(5) NOT NULL, quantity INTEGER NOT NULL, price DECIMAL(10,2) NOT NULL,"
					+ " note VARCHAR(100), placed_on DATE, PRIMARY KEY (order_id, line_no))");
			statement.execute("CREATE INDEX order_line_order ON order_line (order_id)");
			statement.execute("CREATE TABLE voucher (id BIGINT PRIMARY KEY, code VARCHAR(20) NOT NULL UNIQUE, amount INTEGER)");
		}
	}

	private static ColumnSchema column(String name, Class<?> type) {
		return new ColumnSchema(name, type, List.of());
	}

}
