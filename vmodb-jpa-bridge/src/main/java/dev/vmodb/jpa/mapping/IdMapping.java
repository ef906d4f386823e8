package dev.vmodb.jpa.mapping;

import java.lang.invoke.MethodHandle;
import java.util.List;

import dev.vmodb.core.schema.CompositeKey;

/**
 * How an entity's id relates to the store key: a single attribute, an {@code @EmbeddedId} or an {@code @IdClass}.
 */
sealed interface IdMapping {

	/** The store key of an id object. */
	Object keyOf(Object id);

	/** The id object of an entity. */
	Object idOf(Object entity);

	/** A single {@code @Id} attribute. */
	record Single(FieldAccess field, ValueConverter converter) implements IdMapping {

		@Override
		public Object keyOf(Object id) {
			return this.converter.toColumn(id);
		}

		@Override
		public Object idOf(Object entity) {
			return this.field.get(entity);
		}

	}

	/** An {@code @EmbeddedId}: the id is the embeddable held by one field; its parts are the key columns. */
	record Embedded(FieldAccess field, List<AttributeBinding.Basic> parts) implements IdMapping {

		@Override
		public Object keyOf(Object id) {
			Object[] values = new Object[this.parts.size()];
			for (int i = 0; i < values.length; i++) {
				AttributeBinding.Basic part = this.parts.get(i);
				values[i] = part.converter().toColumn(part.field().get(id));
			}
			return CompositeKey.of(values);
		}

		@Override
		public Object idOf(Object entity) {
			return this.field.get(entity);
		}

	}

	/**
	 * An {@code @IdClass}: several {@code @Id} attributes on the entity mirrored by same-named fields of the id class.
	 */
	record IdClass(MethodHandle constructor, List<FieldAccess> idClassFields, List<AttributeBinding.Basic> entityParts)
			implements IdMapping {

		@Override
		public Object keyOf(Object id) {
			Object[] values = new Object[this.idClassFields.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = this.entityParts.get(i).converter().toColumn(this.idClassFields.get(i).get(id));
			}
			return CompositeKey.of(values);
		}

		@Override
		public Object idOf(Object entity) {
			Object id = FieldAccess.instantiate(this.constructor);
			for (int i = 0; i < this.idClassFields.size(); i++) {
				this.idClassFields.get(i).set(id, this.entityParts.get(i).field().get(entity));
			}
			return id;
		}

	}

}
