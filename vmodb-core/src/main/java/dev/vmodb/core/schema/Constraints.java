package dev.vmodb.core.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The column constraints the engine enforces, built from declarations such as Bean Validation annotations.
 */
public final class Constraints {

	private Constraints() {
	}

	public static ColumnConstraint notNull() {
		return new Rule("must not be null", false, value -> value != null);
	}

	public static ColumnConstraint min(BigDecimal bound, boolean inclusive) {
		String op = inclusive ? ">=" : ">";
		Long longBound = exactLong(bound);
		return new Rule("must be " + op + " " + bound.toPlainString(), true, value -> {
			int cmp = compare(value, bound, longBound);
			return inclusive ? cmp >= 0 : cmp > 0;
		});
	}

	public static ColumnConstraint max(BigDecimal bound, boolean inclusive) {
		String op = inclusive ? "<=" : "<";
		Long longBound = exactLong(bound);
		return new Rule("must be " + op + " " + bound.toPlainString(), true, value -> {
			int cmp = compare(value, bound, longBound);
			return inclusive ? cmp <= 0 : cmp < 0;
		});
	}

	public static ColumnConstraint size(int min, int max) {
		return new Rule("size must be between " + min + " and " + max, true, value -> {
			int size = sizeOf(value);
			return size >= min && size <= max;
		});
	}

	public static ColumnConstraint notBlank() {
		return new Rule("must not be blank", false, value -> value != null && !value.toString().isBlank());
	}

	public static ColumnConstraint notEmpty() {
		return new Rule("must not be empty", false, value -> value != null && sizeOf(value) > 0);
	}

	public static ColumnConstraint pattern(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return new Rule("must match \"" + regex + "\"", true, value -> pattern.matcher(value.toString()).matches());
	}

	/**
	 * A rule with its description; as in Bean Validation, {@code null} passes unless the rule is about presence.
	 */
	private record Rule(String description, boolean nullPasses, Predicate<Object> predicate) implements ColumnConstraint {

		@Override
		public boolean test(Object value) {
			return (value == null) ? this.nullPasses : this.predicate.test(value);
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

	/** The bound as a long when it is a whole number in range, else {@code null}: integral values then compare cheaply. */
	private static Long exactLong(BigDecimal bound) {
		try {
			return bound.longValueExact();
		}
		catch (ArithmeticException ex) {
			return null;
		}
	}

	private static int compare(Object value, BigDecimal bound, Long longBound) {
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			long number = ((Number) value).longValue();
			return (longBound != null) ? Long.compare(number, longBound) : BigDecimal.valueOf(number).compareTo(bound);
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.compareTo(bound);
		}
		if (value instanceof BigInteger integer) {
			return new BigDecimal(integer).compareTo(bound);
		}
		if (value instanceof Number number) {
			return BigDecimal.valueOf(number.doubleValue()).compareTo(bound);
		}
		throw new IllegalArgumentException("Not a number: " + value.getClass().getName());
	}

	private static int sizeOf(Object value) {
		if (value instanceof CharSequence text) {
			return text.length();
		}
		if (value instanceof Collection<?> collection) {
			return collection.size();
		}
		if (value instanceof Map<?, ?> map) {
			return map.size();
		}
		if (value instanceof byte[] bytes) {
			return bytes.length;
		}
		throw new IllegalArgumentException("Has no size: " + value.getClass().getName());
	}

}
