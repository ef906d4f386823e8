package dev.vmodb.samples.marketplace.audit;

/**
 * The benchmark's consistency criteria (see the module README).
 */
public final class Audit {

	private Audit() {
	}

	/**
	 * Audits a run: the state before it, the state after it (both quiescent) and what the driver saw.
	 * @param before the shop's state before the run
	 * @param after the shop's state after every request of the run was answered
	 * @param journal what the driver saw
	 * @return the verdict per criterion
	 */
	public static AuditReport run(ShopSnapshot before, ShopSnapshot after, Journal journal) {
		throw new UnsupportedOperationException("being built");
	}

	/**
	 * Audits a state alone: the criteria that need no journal (the others are reported as skipped).
	 * @param state the shop's quiescent state
	 * @return the verdict per criterion
	 */
	public static AuditReport state(ShopSnapshot state) {
		throw new UnsupportedOperationException("being built");
	}

}
