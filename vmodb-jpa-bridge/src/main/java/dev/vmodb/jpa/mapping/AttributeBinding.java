package dev.vmodb.jpa.mapping;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * How one top-level entity attribute maps to row columns.
 */
sealed interface AttributeBinding {

	void writeRow(Object entity, Object[] row);

	void readRow(Object[] row, Object entity);

	/** A basic attribute: one field, one column. */
	record Basic(FieldAccess field, int column, ValueConverter converter) implements AttributeBinding {

		@Override
		public void writeRow(Object entity, Object[] row) {
			row[this.column] = this.converter.toColumn(this.field.get(entity));
		}

		@Override
		public void readRow(Object[] row, Object entity) {
			this.field.set(entity, this.converter.toAttribute(row[this.column]));
		}

	}

	/** An embedded attribute (such as an {@code @EmbeddedId}): one field holding an embeddable of basic parts. */
	record Embedded(FieldAccess field, MethodHandle constructor, List<Basic> parts) implements AttributeBinding {

		@Override
		public void writeRow(Object entity, Object[] row) {
			Object component = this.field.get(entity);
			if (component != null) {
				for (Basic part : this.parts) {
					part.writeRow(component, row);
				}
			}
		}

		@Override
		public void readRow(Object[] row, Object entity) {
			Object component = FieldAccess.instantiate(this.constructor);
			for (Basic part : this.parts) {
				part.readRow(row, component);
			}
			this.field.set(entity, component);
		}

	}

}
