package dev.vmodb.jpa.repository;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The row conditions derived queries compile to, with SQL's treatment of {@code null}: a comparison with a
 * {@code null} column value is false, except that equality with a {@code null} argument means {@code IS NULL}
 * (and {@code Not} with a {@code null} argument means {@code IS NOT NULL}), as in Spring Data JPA.
 */
final class Conditions {

	private Conditions() {
	}

	/** How two non-null values of a column are equal: {@code compareTo} for {@code BigDecimal}, whatever the scale. */
	static BiPredicate<Object, Object> sameness(Class<?> columnType, boolean ignoreCase) {
		if (ignoreCase && columnType == String.class) {
			return (value, argument) -> ((String) value).equalsIgnoreCase((String) argument);
		}
		if (columnType == BigDecimal.class) {
			return (value, argument) -> ((BigDecimal) value).compareTo((BigDecimal) argument) == 0;
		}
		if (columnType == byte[].class) {
			return (value, argument) -> Arrays.equals((byte[]) value, (byte[]) argument);
		}
		return Object::equals;
	}

	static Condition equalTo(int column, int slot, BiPredicate<Object, Object> same) {
		return (row, args) -> {
			Object value = row[column];
			Object argument = args[slot];
			return (argument == null) ? value == null : value != null && same.test(value, argument);
		};
	}

	static Condition notEqualTo(int column, int slot, BiPredicate<Object, Object> same) {
		return (row, args) -> {
			Object value = row[column];
			Object argument = args[slot];
			return (argument == null) ? value != null : value != null && !same.test(value, argument);
		};
	}

	/**
	 * A comparison of the column value with an argument.
	 * @param accept accepts the sign of {@code compare(value, argument)}
	 */
	static Condition comparing(int column, int slot, Comparator<Object> order, IntPredicate accept) {
		return (row, args) -> {
			Object value = row[column];
			Object argument = args[slot];
			return value != null && argument != null && accept.test(order.compare(value, argument));
		};
	}

	/** Inclusive on both ends, as SQL {@code BETWEEN}. */
	static Condition between(int column, int lowSlot, Comparator<Object> order) {
		int highSlot = lowSlot + 1;
		return (row, args) -> {
			Object value = row[column];
			Object low = args[lowSlot];
			Object high = args[highSlot];
			return value != null && low != null && high != null && order.compare(value, low) >= 0
					&& order.compare(value, high) <= 0;
		};
	}

	@SuppressWarnings("unchecked")
	static Condition in(int column, int slot, boolean negated) {
		return (row, args) -> {
			Object value = row[column];
			return value != null && ((Set<Object>) args[slot]).contains(value) != negated;
		};
	}

	static Condition isNull(int column, boolean negated) {
		return (row, args) -> (row[column] == null) != negated;
	}

	static Condition isBoolean(int column, boolean expected) {
		Boolean wanted = expected;
		return (row, args) -> wanted.equals(row[column]);
	}

	static Condition like(int column, int slot, boolean negated) {
		return (row, args) -> {
			Object value = row[column];
			Object pattern = args[slot];
			return value != null && pattern != null && ((Pattern) pattern).matcher((String) value).matches() != negated;
		};
	}

	static Condition startingWith(int column, int slot, boolean ignoreCase) {
		return (row, args) -> {
			String value = (String) row[column];
			String prefix = (String) args[slot];
			return value != null && prefix != null && value.regionMatches(ignoreCase, 0, prefix, 0, prefix.length());
		};
	}

	static Condition endingWith(int column, int slot, boolean ignoreCase) {
		return (row, args) -> {
			String value = (String) row[column];
			String suffix = (String) args[slot];
			return value != null && suffix != null
					&& value.regionMatches(ignoreCase, value.length() - suffix.length(), suffix, 0, suffix.length());
		};
	}

	static Condition containing(int column, int slot, boolean ignoreCase, boolean negated) {
		return (row, args) -> {
			String value = (String) row[column];
			String part = (String) args[slot];
			return value != null && part != null && contains(value, part, ignoreCase) != negated;
		};
	}

	/** Orders non-null column values, case-insensitively for strings when asked. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Comparator<Object> order(Class<?> columnType, boolean ignoreCase) {
		if (ignoreCase && columnType == String.class) {
			return (Comparator) String.CASE_INSENSITIVE_ORDER;
		}
		return ColumnValues::compare;
	}

	private static boolean contains(String value, String part, boolean ignoreCase) {
		if (!ignoreCase) {
			return value.contains(part);
		}
		int last = value.length() - part.length();
		for (int i = 0; i <= last; i++) {
			if (value.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

}
