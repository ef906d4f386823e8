package dev.vmodb.jpa.repository;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

/**
 * Converts query arguments to the Java type a column holds and orders column values.
 *
 * <p>Rows hold exactly the column's Java type, and primary-key and index lookups hash the argument: an
 * {@code int} argument for a {@code Long} column must become a {@code Long} or the lookup misses.
 */
final class ColumnValues {

	private static final Set<Class<?>> NUMBERS = Set.of(Long.class, Integer.class, Short.class, Byte.class,
			Double.class, Float.class, BigDecimal.class, BigInteger.class);

	private ColumnValues() {
	}

	static boolean isNumber(Class<?> type) {
		return NUMBERS.contains(type);
	}

	/**
	 * Whether values of a type can be compared for order.
	 * @param type a column's Java type
	 * @return {@code true} for comparable types and {@code byte[]}
	 */
	static boolean isOrdered(Class<?> type) {
		return Comparable.class.isAssignableFrom(type) || type == byte[].class;
	}

	/**
	 * Whether equal values of a type are also {@code equals}, so that they can be looked up by hash.
	 * @param type a column's Java type
	 * @return {@code false} for {@code BigDecimal} (scale-sensitive {@code equals}) and arrays
	 */
	static boolean isHashable(Class<?> type) {
		return type != BigDecimal.class && !type.isArray();
	}

	/**
	 * The value as the column's Java type.
	 * @param value an argument already converted to the column's representation (enums to names, for example)
	 * @param columnType the column's Java type
	 * @return the value, converted exactly
	 * @throws IllegalArgumentException if the value cannot be represented exactly in the column's type
	 */
	static Object coerce(Object value, Class<?> columnType) {
		if (value == null || columnType.isInstance(value)) {
			return value;
		}
		if (value instanceof Number number && isNumber(columnType)) {
			return convertNumber(number, columnType);
		}
		if (columnType == Character.class && value instanceof CharSequence text && text.length() == 1) {
			return text.charAt(0);
		}
		throw new IllegalArgumentException("Value " + value + " of type " + value.getClass().getName()
				+ " cannot be compared with a column of type " + columnType.getName());
	}

	/**
	 * Compares two non-null values of one column.
	 * @param left a value
	 * @param right a value of the same type
	 * @return the comparison result
	 */
	@SuppressWarnings("unchecked")
	static int compare(Object left, Object right) {
		if (left instanceof byte[] bytes) {
			return Arrays.compare(bytes, (byte[]) right);
		}
		return ((Comparable<Object>) left).compareTo(right);
	}

	private static Object convertNumber(Number number, Class<?> type) {
		if (type == Double.class) {
			return number.doubleValue();
		}
		if (type == Float.class) {
			return number.floatValue();
		}
		try {
			BigDecimal exact = toBigDecimal(number);
			if (type == Long.class) {
				return exact.longValueExact();
			}
			if (type == Integer.class) {
				return exact.intValueExact();
			}
			if (type == Short.class) {
				return exact.shortValueExact();
			}
			if (type == Byte.class) {
				return exact.byteValueExact();
			}
			if (type == BigInteger.class) {
				return exact.toBigIntegerExact();
			}
			return exact;
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw new IllegalArgumentException("Value " + number + " cannot be represented exactly as "
					+ type.getSimpleName() + ", the type of the column it is compared with", ex);
		}
	}

	private static BigDecimal toBigDecimal(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (number instanceof Double || number instanceof Float) {
			return new BigDecimal(number.toString());
		}
		return BigDecimal.valueOf(number.longValue());
	}

}
