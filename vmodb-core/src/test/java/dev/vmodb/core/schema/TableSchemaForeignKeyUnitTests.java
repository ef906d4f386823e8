package dev.vmodb.core.schema;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A foreign key of a {@link TableSchema} must come with an index over its column, for the restrict check.
 */
class TableSchemaForeignKeyUnitTests {

	private static final List<ColumnSchema> COLUMNS = List.of(new ColumnSchema("id", Long.class, List.of()),
			new ColumnSchema("order_id", Long.class, List.of()), new ColumnSchema("qty", Integer.class, List.of()));

	@Test
	void keepsForeignKeysAndDescribesThem() {
		ForeignKey foreignKey = new ForeignKey(1, "orders", 0);
		TableSchema schema = new TableSchema("lines", COLUMNS, List.of(0),
				List.of(new IndexSchema("lines_order", List.of(1), false)), List.of(foreignKey));
		assertThat(schema.foreignKeys()).containsExactly(foreignKey);
		assertThat(foreignKey.describe(schema)).isEqualTo("foreign key lines.order_id → orders");
		assertThat(new TableSchema("orders", COLUMNS, List.of(0), List.of()).foreignKeys()).isEmpty();
	}

	@Test
	void refusesAForeignKeyWithoutAnIndexOverExactlyItsColumn() {
		List<IndexSchema> wide = List.of(new IndexSchema("lines_order_qty", List.of(1, 2), false));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TableSchema("lines", COLUMNS, List.of(0), wide, List.of(new ForeignKey(1, "orders", 0))))
			.withMessageContaining("needs an index over exactly that column");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TableSchema("lines", COLUMNS, List.of(0), List.of(), List.of(new ForeignKey(1, "orders", 0))));
	}

}
