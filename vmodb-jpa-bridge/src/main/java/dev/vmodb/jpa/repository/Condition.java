package dev.vmodb.jpa.repository;

/**
 * A compiled predicate over one row and the bound arguments of a query call.
 */
@FunctionalInterface
interface Condition {

	/**
	 * Tests a row.
	 * @param row the row, in column order; must not be modified
	 * @param args the call's bound arguments, by slot
	 * @return whether the row matches
	 */
	boolean test(Object[] row, Object[] args);

}
