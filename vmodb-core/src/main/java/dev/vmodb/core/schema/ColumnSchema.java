package dev.vmodb.core.schema;

import java.util.List;

/**
 * A column of a VMS table: its name, Java type and the constraints its values must satisfy.
 *
 * @param name the SQL column name
 * @param javaType the (boxed) Java type of its values
 * @param constraints the rules checked on every write
 */
public record ColumnSchema(String name, Class<?> javaType, List<ColumnConstraint> constraints) {

	public ColumnSchema {
		constraints = List.copyOf(constraints);
	}

}
