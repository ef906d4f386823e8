package dev.vmodb.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a virtual microservice (VMS): a named unit of state plus the handlers that change it.
 *
 * <p>The entities of a VMS are the {@code jakarta.persistence} entities in the package of the annotated class
 * (and its sub-packages), unless {@link #entities()} lists them explicitly. Handlers are its methods annotated
 * with {@link Inbound}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VirtualMicroservice {

	/**
	 * The name of the VMS: unique in a deployment, made of lower-case letters, digits, '-' and '_'.
	 * @return the VMS name
	 */
	String value();

	/**
	 * The entity classes this VMS owns; empty to take every entity of the annotated class's package.
	 * @return the entity classes
	 */
	Class<?>[] entities() default {};

}
