package dev.vmodb.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a field holds the primary key of another entity of the same VMS: a foreign key the VMS enforces
 * on every write.
 *
 * <p>A VMS stores flat rows, so a reference is a plain column holding the parent's id, for example
 * {@code @References(Order.class) Long orderId}. Writing a row whose non-null value names no row of the parent
 * visible to the writing transaction, or deleting a parent row that a visible row still references, fails the
 * transaction with a {@link dev.vmodb.core.schema.IntegrityViolationException}. {@code null} is allowed unless the
 * column is declared not-null.
 *
 * <p>Only entities of the same VMS can be referenced: the rows of another VMS are not visible here, so a
 * reference to them cannot be checked locally and is refused at start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface References {

	/**
	 * The referenced entity class; it must be an entity of the same VMS with a single-column key of the field's
	 * type.
	 * @return the parent entity class
	 */
	Class<?> value();

}
