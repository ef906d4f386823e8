package dev.vmodb.samples.marketplace.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;

/**
 * Nothing exists that no committed checkout made. For a run: every row of orders, order items, payments, shipments,
 * packages and seller entries that is new since before belongs to a new order that a committed checkout of the
 * journal named, or that a checkout of unknown outcome accounts for (tolerated, and counted in the note). A row of an
 * order that the journal does not account for is a violation: the trace of an aborted checkout when its customer has
 * one, else a row no checkout made; so is a new row of an order from before the run, or of no order at all. Without a
 * journal (and for a state) only the last two are checked, over the new rows (all rows for a state; orders are then
 * not cases). Checks one case per such row.
 */
final class NoTraceOfAborts implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		Violations violations = new Violations();
		long[] tolerated = new long[1];
		ShopSnapshot after = audit.after.snapshot;
		ShopSnapshot before = audit.isRun() ? audit.before.snapshot : null;
		if (audit.isRun()) {
			check("order", after.orders(), before.orders(), (row) -> new OrderKey(row.customerId(), row.orderId()),
					(row) -> new RowId(row.customerId(), row.orderId(), 0, 0), audit, violations, tolerated);
		}
		check("item", after.orderItems(), (before != null) ? before.orderItems() : null,
				(row) -> new OrderKey(row.customerId(), row.orderId()),
				(row) -> new RowId(row.customerId(), row.orderId(), row.orderItemId(), 0), audit, violations, tolerated);
		check("payment", after.payments(), (before != null) ? before.payments() : null,
				(row) -> new OrderKey(row.customerId(), row.orderId()),
				(row) -> new RowId(row.customerId(), row.orderId(), row.sequential(), 0), audit, violations, tolerated);
		check("shipment", after.shipments(), (before != null) ? before.shipments() : null,
				(row) -> new OrderKey(row.customerId(), row.orderId()),
				(row) -> new RowId(row.customerId(), row.orderId(), 0, 0), audit, violations, tolerated);
		check("package", after.packages(), (before != null) ? before.packages() : null,
				(row) -> new OrderKey(row.customerId(), row.orderId()),
				(row) -> new RowId(row.customerId(), row.orderId(), row.packageId(), 0), audit, violations, tolerated);
		check("seller entry", after.entries(), (before != null) ? before.entries() : null,
				(row) -> new OrderKey(row.customerId(), row.orderId()),
				(row) -> new RowId(row.customerId(), row.orderId(), row.sellerId(), row.productId()), audit, violations,
				tolerated);
		if (audit.origins != null) {
			violations.note(String.format(Locale.ROOT, "%,d new rows of %,d orders tolerated as checkouts of unknown "
					+ "outcome (%,d in the journal); %,d aborted checkouts in the journal", tolerated[0],
					audit.origins.unknownOrders(), audit.origins.unknownCheckouts(), audit.origins.abortedCheckouts()));
		}
		return violations.result(Audit.NO_TRACE_OF_ABORTS);
	}

	/** Judges the rows of one table that are new since before (all of them for a state). */
	private static <T> void check(String kind, List<T> afterRows, List<T> beforeRows, Function<T, OrderKey> orderOf,
			Function<T, RowId> idOf, AuditInput audit, Violations violations, long[] tolerated) {
		Set<RowId> existed = new HashSet<>();
		for (T row : ShopIndex.rows(beforeRows)) {
			existed.add(idOf.apply(row));
		}
		for (T row : ShopIndex.rows(afterRows)) {
			if (existed.contains(idOf.apply(row))) {
				continue;
			}
			OrderKey order = orderOf.apply(row);
			String problem = problem(audit, order);
			if (problem == null && audit.origins != null && audit.origins.of(order) == Origin.UNKNOWN) {
				tolerated[0]++;
			}
			String subject = kind.equals("order") ? order.toString() : kind + " of " + order;
			violations.check(problem == null, () -> subject + ": " + problem);
		}
	}

	/** What is wrong with a new row of an order, or {@code null}. */
	private static String problem(AuditInput audit, OrderKey order) {
		if (!audit.after.orders.containsKey(order)) {
			return "its order does not exist";
		}
		if (!audit.isRun()) {
			return null;
		}
		if (audit.before.orders.containsKey(order)) {
			return "new, but its order is from before the run";
		}
		if (audit.origins == null) {
			return null;
		}
		return switch (audit.origins.of(order)) {
			case ABORTED -> "trace of an aborted checkout of customer " + order.customerId()
					+ " (no committed or unknown checkout accounts for it)";
			case UNACCOUNTED -> "no checkout of the journal made it";
			default -> null;
		};
	}

	/** A row's primary key, whichever table it is of (unused parts are 0). */
	private record RowId(long customerId, long orderId, long first, long second) {
	}

}
