package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.CustomerRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderItemRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ShipmentRow;

/**
 * A checkout commits everywhere. Three kinds of cases:
 * <ul>
 * <li>each order in scope (a run's new orders, or every order of a state) is whole: as many items as it counts, one
 * payment, one shipment counting a package per item, and packages and seller entries that are its items (product and
 * quantity, as multisets);</li>
 * <li>each committed checkout of the journal named an order that is new since before, claimed by no other checkout,
 * whose items are the checkout's cart lines;</li>
 * <li>each customer's successful payments equal its orders (in a run: the rise equals its committed checkouts plus
 * the new orders its checkouts of unknown outcome account for).</li>
 * </ul>
 */
final class CheckoutComplete implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		Violations violations = new Violations();
		for (OrderKey order : audit.ordersInScope()) {
			violations.check(order.toString(), whole(audit.after, order));
		}
		if (audit.origins != null) {
			audit.origins.claims().forEach((order, checkouts) -> {
				for (CheckoutRecord checkout : checkouts) {
					violations.check("committed checkout of customer " + checkout.customerId() + " (" + order + ")",
							matches(audit, order, checkout, checkouts.size()));
				}
			});
		}
		checkPaymentCounters(audit, violations);
		return violations.result(Audit.CHECKOUT_COMPLETE);
	}

	private static List<String> whole(ShopIndex state, OrderKey key) {
		List<String> problems = new ArrayList<>(1);
		OrderRow order = state.orders.get(key);
		List<OrderItemRow> items = state.itemsOf(key);
		if (items.isEmpty()) {
			problems.add("no items");
		}
		if (order.countItems() != items.size()) {
			problems.add("counts " + order.countItems() + " items but has " + items.size());
		}
		int payments = state.paymentsOf(key).size();
		if (payments != 1) {
			problems.add(payments + " payments");
		}
		List<ShipmentRow> shipments = state.shipmentsOf(key);
		if (shipments.size() != 1) {
			problems.add(shipments.size() + " shipments");
		}
		else if (shipments.get(0).packageCount() != items.size()) {
			problems.add("shipment counts " + shipments.get(0).packageCount() + " packages for " + items.size()
					+ " items");
		}
		Map<Line, Integer> lines = Line.multiset(items, CheckoutComplete::line);
		Map<Line, Integer> packages = Line.multiset(state.packagesOf(key),
				(row) -> new Line(row.sellerId(), row.productId(), row.quantity()));
		if (!packages.equals(lines)) {
			problems.add("packages " + Line.describe(packages) + " are not its items " + Line.describe(lines));
		}
		Map<Line, Integer> entries = Line.multiset(state.entriesOf(key),
				(row) -> new Line(row.sellerId(), row.productId(), row.quantity()));
		if (!entries.equals(lines)) {
			problems.add("seller entries " + Line.describe(entries) + " are not its items " + Line.describe(lines));
		}
		return problems;
	}

	private static List<String> matches(AuditInput audit, OrderKey order, CheckoutRecord checkout, int claims) {
		List<String> problems = new ArrayList<>(1);
		if (claims > 1) {
			problems.add("the order is claimed by " + claims + " committed checkouts");
		}
		if (!audit.after.orders.containsKey(order)) {
			problems.add("no such order");
		}
		else if (audit.before.orders.containsKey(order)) {
			problems.add("the order existed before the run");
		}
		else {
			Map<Line, Integer> items = Line.multiset(audit.after.itemsOf(order), CheckoutComplete::line);
			Map<Line, Integer> cart = Line.multiset(ShopIndex.rows(checkout.lines()),
					(line) -> new Line(line.sellerId(), line.productId(), line.quantity()));
			if (!items.equals(cart)) {
				problems.add("items " + Line.describe(items) + " but the cart held " + Line.describe(cart));
			}
		}
		return problems;
	}

	private static void checkPaymentCounters(AuditInput audit, Violations violations) {
		Map<Long, Long> orders = audit.isRun() ? newOrdersPerCustomer(audit) : audit.after.ordersPerCustomer();
		for (CustomerRow customer : audit.after.customers.values()) {
			long payments = customer.successPaymentCount();
			if (audit.isRun()) {
				CustomerRow before = audit.before.customers.get(customer.id());
				payments -= (before != null) ? before.successPaymentCount() : 0;
			}
			long expected = (audit.origins != null) ? audit.origins.paymentsOf(customer.id())
					: orders.getOrDefault(customer.id(), 0L);
			long counted = payments;
			violations.check(counted == expected, () -> "customer " + customer.id() + ": "
					+ (audit.isRun() ? "successful payments rose by " : "successful payments ") + counted
					+ ", expected " + expected);
		}
	}

	private static Map<Long, Long> newOrdersPerCustomer(AuditInput audit) {
		Map<Long, Long> perCustomer = new HashMap<>();
		for (OrderKey order : audit.ordersInScope()) {
			perCustomer.merge(order.customerId(), 1L, Long::sum);
		}
		return perCustomer;
	}

	private static Line line(OrderItemRow item) {
		return new Line(item.sellerId(), item.productId(), item.quantity());
	}

}
