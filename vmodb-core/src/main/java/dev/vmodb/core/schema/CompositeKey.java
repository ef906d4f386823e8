package dev.vmodb.core.schema;

import java.util.Arrays;
import java.util.List;

/**
 * The value of a key made of several columns; single-column keys are represented by the value itself.
 */
public final class CompositeKey {

	private final Object[] values;

	private final int hash;

	private CompositeKey(Object[] values) {
		this.values = values;
		this.hash = Arrays.hashCode(values);
	}

	/**
	 * The key of the given values: the value itself for one, a {@code CompositeKey} for several.
	 * @param values the key values in key-column order
	 * @return the key
	 */
	public static Object of(Object... values) {
		return (values.length == 1) ? values[0] : new CompositeKey(values.clone());
	}

	/**
	 * The key formed by some columns of a row.
	 * @param row the row
	 * @param columns the positions of the key columns
	 * @return the key
	 */
	public static Object project(Object[] row, List<Integer> columns) {
		if (columns.size() == 1) {
			return row[columns.get(0)];
		}
		Object[] values = new Object[columns.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = row[columns.get(i)];
		}
		return new CompositeKey(values);
	}

	/**
	 * The component values of a key built by {@link #of} or {@link #project}.
	 * @param key the key
	 * @param arity the number of key columns
	 * @return the values in key-column order
	 */
	public static Object[] values(Object key, int arity) {
		if (arity == 1) {
			return new Object[] { key };
		}
		return ((CompositeKey) key).values.clone();
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CompositeKey that) && this.hash == that.hash && Arrays.equals(this.values, that.values);
	}

	@Override
	public int hashCode() {
		return this.hash;
	}

	@Override
	public String toString() {
		return Arrays.toString(this.values);
	}

}
