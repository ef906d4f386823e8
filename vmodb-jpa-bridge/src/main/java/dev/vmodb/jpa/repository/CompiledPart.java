package dev.vmodb.jpa.repository;

/**
 * One condition of a derived query's method name, compiled.
 *
 * @param column the column it tests
 * @param condition the row test
 * @param hashEquality whether it is an equality a hash lookup can answer (exact, not ignoring case, on a type
 * whose equal values are {@code equals})
 * @param hashIn whether it is an {@code In} a hash lookup per value can answer, on the same terms
 * @param slot the slot of its first argument
 * @param description for humans, for example {@code "quantity greater than"}
 */
record CompiledPart(int column, Condition condition, boolean hashEquality, boolean hashIn, int slot,
		String description) {
}
