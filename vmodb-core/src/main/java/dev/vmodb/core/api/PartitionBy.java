package dev.vmodb.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a handler touches only the state of one partition, named by components of its input event.
 *
 * <p>Transactions of a VMS whose partition keys differ may run concurrently; those with equal keys still run
 * in transaction-id order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PartitionBy {

	/**
	 * The record components of the input event that form the partition key, for example {@code "customerId"}.
	 * @return the component names, at least one
	 */
	String[] value();

}
