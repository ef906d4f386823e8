package dev.vmodb.jpa.repository;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import dev.vmodb.jpa.mapping.EntityTable;

/**
 * Turns a query method's arguments into the values its row conditions compare with, once per call.
 *
 * <p>Slot {@code i} holds the {@code i}-th bindable argument, converted for its column: to the column's Java type,
 * to a set for {@code In}, to a compiled pattern for {@code Like}.
 */
final class ArgumentBinder {

	private final int[] parameterIndexes;

	private final Conversion[] conversions;

	ArgumentBinder(int[] parameterIndexes, Conversion[] conversions) {
		this.parameterIndexes = parameterIndexes;
		this.conversions = conversions;
	}

	/**
	 * The converted arguments of one call.
	 * @param parameters the method's arguments
	 * @return the slot values
	 */
	Object[] bind(Object[] parameters) {
		Object[] slots = new Object[this.conversions.length];
		for (int i = 0; i < slots.length; i++) {
			slots[i] = this.conversions[i].convert(parameters[this.parameterIndexes[i]]);
		}
		return slots;
	}

	/** Converts one argument. */
	@FunctionalInterface
	interface Conversion {

		Object convert(Object argument);

		/** The argument as the value the column holds: enums to names or ordinals, numbers to the column's type. */
		static Conversion scalar(EntityTable<?> entity, int column, Class<?> attributeType) {
			Class<?> columnType = entity.schema().columns().get(column).javaType();
			return argument -> {
				Object value = (argument != null && attributeType.isInstance(argument))
						? entity.toColumnValue(column, argument) : argument;
				return ColumnValues.coerce(value, columnType);
			};
		}

		/**
		 * A collection or array argument as a set of column values; {@code null} elements are dropped as they never
		 * match. Sets that compare rather than hash keep {@code BigDecimal} scale and case from mattering.
		 */
		static Conversion valueSet(EntityTable<?> entity, int column, Class<?> attributeType, boolean ignoreCase) {
			Conversion element = scalar(entity, column, attributeType);
			Class<?> columnType = entity.schema().columns().get(column).javaType();
			return argument -> {
				Collection<?> elements;
				if (argument instanceof Collection<?> collection) {
					elements = collection;
				}
				else if (argument instanceof Object[] array) {
					elements = Arrays.asList(array);
				}
				else {
					throw new IllegalArgumentException("In and NotIn need a collection or an array of values, got "
							+ ((argument != null) ? argument.getClass().getName() : "null"));
				}
				Set<Object> set = newSet(columnType, ignoreCase, elements.size());
				for (Object value : elements) {
					Object converted = element.convert(value);
					if (converted != null) {
						set.add(converted);
					}
				}
				return set;
			};
		}

		/** A string argument, for {@code StartingWith}, {@code EndingWith} and {@code Containing}. */
		static Conversion text() {
			return argument -> {
				if (argument == null || argument instanceof String) {
					return argument;
				}
				if (argument instanceof CharSequence chars) {
					return chars.toString();
				}
				throw new IllegalArgumentException("Expected a String, got " + argument.getClass().getName());
			};
		}

		/** A SQL {@code LIKE} pattern argument, compiled. */
		static Conversion like(boolean ignoreCase) {
			Conversion text = text();
			return argument -> {
				Object pattern = text.convert(argument);
				return (pattern != null) ? LikePattern.compile((String) pattern, ignoreCase) : null;
			};
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static Set<Object> newSet(Class<?> columnType, boolean ignoreCase, int size) {
			if (columnType == String.class && ignoreCase) {
				return (Set) new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
			}
			if (columnType == BigDecimal.class || columnType == byte[].class) {
				return new TreeSet<>(ColumnValues::compare);
			}
			return new HashSet<>(Math.max(4, size * 2));
		}

	}

}
