package dev.vmodb.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the event an {@link Inbound} handler emits: its return value, a Java record. Returning {@code null}
 * emits nothing: the handlers downstream of it are skipped for that transaction.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Outbound {

	/**
	 * The name of the emitted event, for example {@code "stock_confirmed"}.
	 * @return the event name
	 */
	String value();

	/**
	 * Whether the event ends the transaction: no VMS consumes it and it is handed to the submitter as the
	 * transaction's result. An emitted event that is neither consumed nor terminal fails start-up, because it
	 * usually means a misspelt event name.
	 * @return whether the event is terminal
	 */
	boolean terminal() default false;

}
