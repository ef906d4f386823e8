package dev.vmodb.core.schema;

/**
 * A rule every value written to a column must satisfy.
 *
 * <p>As in Bean Validation, {@code null} satisfies every rule except {@link Constraints#notNull()}.
 * Implementations are immutable and thread-safe.
 */
public interface ColumnConstraint {

	/**
	 * Tests a value.
	 * @param value the value written, possibly {@code null}
	 * @return whether the value satisfies the rule
	 */
	boolean test(Object value);

	/**
	 * The rule in words, for error messages, for example {@code "must be greater than or equal to 0"}.
	 * @return the description, never {@code null}
	 */
	String description();

}
