package dev.vmodb.jpa.mapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;

import dev.vmodb.core.metadata.DeclarationException;

/**
 * Refuses JPA associations before Hibernate reads the mapping, with a message that says what to use instead.
 *
 * <p>A VMS stores flat rows and hands out detached entities, so an association would need its target loaded on
 * every read; a plain id column annotated with {@link dev.vmodb.core.api.References @References} gives the same
 * integrity guarantee. Checking first also explains an association to an entity of another VMS, which Hibernate
 * would otherwise reject with a message about unknown entities.
 */
final class AssociationCheck {

	private static final List<Class<? extends Annotation>> ASSOCIATIONS = List.of(ManyToOne.class, OneToOne.class,
			OneToMany.class, ManyToMany.class);

	/**
	 * Checks the fields of a VMS's entity classes and their superclasses.
	 * @param entityClasses the entity classes of the VMS
	 * @throws DeclarationException naming the first association found
	 */
	static void check(Collection<Class<?>> entityClasses) {
		for (Class<?> entity : entityClasses) {
			for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
				for (Field field : c.getDeclaredFields()) {
					for (Class<? extends Annotation> association : ASSOCIATIONS) {
						if (field.isAnnotationPresent(association)) {
							throw new DeclarationException(message(field, association, entityClasses));
						}
					}
				}
			}
		}
	}

	private static String message(Field field, Class<? extends Annotation> association,
			Collection<Class<?>> entityClasses) {
		Class<?> target = target(field);
		Class<?> owner = field.getDeclaringClass();
		String message = owner.getName() + "." + field.getName() + ": @" + association.getSimpleName()
				+ " associations are not supported; a VMS stores flat rows. ";
		if (association == ManyToOne.class || association == OneToOne.class) {
			message += "Map the foreign key as a plain column holding the parent's id and declare the reference, for "
					+ "example @References(" + target.getSimpleName() + ".class) Long " + field.getName() + "Id";
		}
		else {
			message += "Give " + target.getSimpleName() + " a plain column holding the id of its "
					+ owner.getSimpleName() + ", annotated @References(" + owner.getSimpleName()
					+ ".class), and find the rows with a derived query on that column";
		}
		if (!entityClasses.contains(target)) {
			message += " (" + target.getSimpleName() + " is not an entity of this VMS: a reference across VMSs cannot "
					+ "be enforced locally, so keep such an id as a plain column without @References)";
		}
		return message;
	}

	/** The entity an association field points to: its type, or the element type of a collection. */
	private static Class<?> target(Field field) {
		Type type = field.getGenericType();
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
				&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
			return element;
		}
		return field.getType();
	}

}
