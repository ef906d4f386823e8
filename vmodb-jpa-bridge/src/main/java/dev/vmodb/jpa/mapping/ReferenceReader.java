package dev.vmodb.jpa.mapping;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Entity;

import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;

import dev.vmodb.core.api.References;
import dev.vmodb.core.metadata.DeclarationException;

/**
 * Resolves {@link References @References} on entity fields to the tables they reference, refusing at start-up
 * what the VMS could not enforce: a reference to an entity of another VMS, to a non-entity, to a composite key or
 * through a field of the wrong type.
 *
 * <p>No foreign-key constraint reaches the database: Hibernate sees a plain column, so the checkpoint may write
 * tables in any order. The VMS store enforces the reference before anything is committed, which is what matters;
 * the database only ever holds checkpoints of committed, consistent states.
 */
final class ReferenceReader {

	private final Map<Class<?>, PersistentClass> entities = new HashMap<>();

	/**
	 * Creates a reader for the entities of one VMS.
	 * @param entities Hibernate's mapping of every entity of the VMS: the only ones a reference may name
	 */
	ReferenceReader(Collection<PersistentClass> entities) {
		for (PersistentClass entity : entities) {
			this.entities.put(entity.getMappedClass(), entity);
		}
	}

	/**
	 * The table a field references.
	 * @param field the entity (or embeddable) field
	 * @param attributeType the field's boxed type
	 * @return the referenced table's name, or {@code null} if the field declares no reference
	 * @throws DeclarationException if the reference cannot be enforced, saying why and what to do
	 */
	String parentTable(Field field, Class<?> attributeType) {
		References references = field.getAnnotation(References.class);
		if (references == null) {
			return null;
		}
		Class<?> target = references.value();
		String declaration = field.getDeclaringClass().getName() + "." + field.getName() + ": @References("
				+ target.getSimpleName() + ")";
		PersistentClass parent = this.entities.get(target);
		if (parent == null) {
			if (target.isAnnotationPresent(Entity.class)) {
				throw new DeclarationException(declaration + " names an entity that is not one of this VMS's entities "
						+ this.entities.keySet().stream().map(Class::getSimpleName).sorted().toList() + "; a VMS sees "
						+ "only its own rows, so a reference across VMSs cannot be enforced locally. Keep the id as a "
						+ "plain column without @References, or move both entities into one VMS");
			}
			throw new DeclarationException(declaration + " names a class that is not an @Entity; @References takes "
					+ "an entity class of the same VMS");
		}
		if (parent.getIdentifierMapper() != null || parent.getIdentifier() instanceof Component
				|| parent.getIdentifierProperty() == null) {
			throw new DeclarationException(declaration + ": " + target.getSimpleName() + " has a composite key; "
					+ "@References supports entities with a single-column @Id");
		}
		Field parentId = FieldAccess.findField(target, parent.getIdentifierProperty().getName());
		Class<?> keyType = EntityTableFactory.boxed(parentId.getType());
		if (!keyType.equals(attributeType)) {
			throw new DeclarationException(declaration + ": the field is a " + attributeType.getSimpleName()
					+ " but the id of " + target.getSimpleName() + " is a " + keyType.getSimpleName()
					+ "; a reference holds the referenced entity's id, so declare the field as "
					+ keyType.getSimpleName());
		}
		return parent.getTable().getName();
	}

}
