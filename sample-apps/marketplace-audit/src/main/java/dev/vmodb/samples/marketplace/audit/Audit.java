package dev.vmodb.samples.marketplace.audit;

import java.util.List;

/**
 * The benchmark's consistency criteria (see the module README), checked against a shop's committed state and what a
 * load driver saw. Each criterion reports how many cases it checked and how many broke it, with a few examples.
 */
public final class Audit {

	/** Stock bounds (criterion 2 of the benchmark). */
	public static final String STOCK_BOUNDS = "Stock is never negative, reserved <= available, nothing reserved at rest";

	/** Stock falls by what was sold, and only by that. */
	public static final String STOCK_DECREMENT = "Stock decreases by exactly what committed checkouts bought";

	/** Checkout atomicity, the positive side (criterion 1). */
	public static final String CHECKOUT_COMPLETE = "Every committed checkout is complete: one order with its items, "
			+ "one payment, one shipment with a package per item, a seller entry per item";

	/** Checkout atomicity, the negative side (criterion 1). */
	public static final String NO_TRACE_OF_ABORTS = "Aborted checkouts leave no trace";

	/** Replaced products (criterion 3). */
	public static final String REPLACED_NEVER_RESERVED = "A replaced product version is never sold after its "
			+ "replacement committed";

	/** Price replication (criterion 4). */
	public static final String PRICE_NEVER_BACKWARDS = "Price replication never goes backwards and converges";

	/** Seller dashboard (criterion 5). */
	public static final String DASHBOARDS_CONSISTENT = "Seller dashboards equal the sum of their entries, all "
			+ "committed";

	/** Deliveries move the services together. */
	public static final String DELIVERIES_COHERENT = "Deliveries move shipment, packages, order, entries and "
			+ "counters together";

	private static final List<Criterion> CRITERIA = List.of(new StockBounds(), new StockDecrement(),
			new CheckoutComplete(), new NoTraceOfAborts(), new ReplacedNeverReserved(), new PriceNeverBackwards(),
			new DashboardsConsistent(), new DeliveriesCoherent());

	private Audit() {
	}

	/**
	 * Audits a run: the state before it, the state after it (both quiescent) and what the driver saw.
	 * @param before the shop's state before the run
	 * @param after the shop's state after every request of the run was answered
	 * @param journal what the driver saw, or {@code null} (the criteria that need it are then skipped)
	 * @return the verdict per criterion
	 */
	public static AuditReport run(ShopSnapshot before, ShopSnapshot after, Journal journal) {
		return check(AuditInput.ofRun(before, after, journal));
	}

	/**
	 * Audits a state alone: the criteria that need no journal (the others are reported as skipped).
	 * @param state the shop's quiescent state
	 * @return the verdict per criterion
	 */
	public static AuditReport state(ShopSnapshot state) {
		return check(AuditInput.ofState(state));
	}

	private static AuditReport check(AuditInput input) {
		// the criteria only read the indexed input, so they may run side by side: a big run audits in seconds
		return new AuditReport(CRITERIA.parallelStream().map((criterion) -> criterion.check(input)).toList());
	}

}
