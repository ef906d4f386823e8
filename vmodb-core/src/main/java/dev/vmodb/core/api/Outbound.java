package dev.vmodb.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the event an {@link Inbound} handler emits: its return value, a Java record.
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

}
