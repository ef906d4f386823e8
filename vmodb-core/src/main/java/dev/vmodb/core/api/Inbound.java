package dev.vmodb.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link VirtualMicroservice} as the handler of an event.
 *
 * <p>The method takes exactly one parameter, the event: a Java record. It runs inside a transaction at the
 * transaction's id, after every earlier transaction that touches this VMS. Handlers must be deterministic.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Inbound {

	/**
	 * The name of the event this method handles, for example {@code "reserve_stock"}.
	 * @return the event name
	 */
	String value();

	/**
	 * What the handler does with the VMS state; a {@link TransactionType#READ} handler must not write.
	 * @return the transaction type
	 */
	TransactionType type() default TransactionType.READ_WRITE;

}
