package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.CustomerRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.EntryRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.PackageRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ShipmentRow;

/**
 * A delivery moves shipment, packages, order, seller entries and customer together. One case per shipment of the
 * final state: it is {@code APPROVED} with no package delivered, {@code CONCLUDED} with all, and
 * {@code DELIVERY_IN_PROGRESS} in between; its order is {@code DELIVERED} exactly when it concluded (else
 * {@code PAYMENT_PROCESSED}); each seller entry of the order is {@code DELIVERED} exactly when the package of its line
 * is. One case per customer: its delivery counter equals its delivered packages (for a run: the counter rose by as
 * many packages as were delivered during the run).
 */
final class DeliveriesCoherent implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		Violations violations = new Violations();
		ShopIndex state = audit.after;
		for (ShipmentRow shipment : ShopIndex.rows(state.snapshot.shipments())) {
			OrderKey order = new OrderKey(shipment.customerId(), shipment.orderId());
			violations.check(order.toString(), problems(state, order, shipment));
		}
		Map<Long, Long> delivered = state.deliveredPackagesPerCustomer();
		Map<Long, Long> deliveredBefore = audit.isRun() ? audit.before.deliveredPackagesPerCustomer() : Map.of();
		for (CustomerRow customer : state.customers.values()) {
			long counted = customer.deliveryCount();
			long expected = delivered.getOrDefault(customer.id(), 0L);
			if (audit.isRun()) {
				CustomerRow before = audit.before.customers.get(customer.id());
				counted -= (before != null) ? before.deliveryCount() : 0;
				expected -= deliveredBefore.getOrDefault(customer.id(), 0L);
			}
			long count = counted;
			long packages = expected;
			violations.check(count == packages, () -> "customer " + customer.id() + ": delivery counter "
					+ (audit.isRun() ? "rose by " : "at ") + count + ", delivered packages " + packages);
		}
		return violations.result(Audit.DELIVERIES_COHERENT);
	}

	private static List<String> problems(ShopIndex state, OrderKey key, ShipmentRow shipment) {
		List<String> problems = new ArrayList<>(1);
		List<PackageRow> packages = state.packagesOf(key);
		long delivered = packages.stream().filter(DeliveriesCoherent::isDelivered).count();
		String expected = (delivered == 0) ? Statuses.SHIPMENT_APPROVED
				: (delivered == packages.size()) ? Statuses.SHIPMENT_CONCLUDED : Statuses.SHIPMENT_IN_PROGRESS;
		if (!expected.equals(shipment.status())) {
			problems.add("shipment " + shipment.status() + " with " + delivered + " of " + packages.size()
					+ " packages delivered");
		}
		OrderRow order = state.orders.get(key);
		String orderStatus = expected.equals(Statuses.SHIPMENT_CONCLUDED) ? Statuses.ORDER_DELIVERED
				: Statuses.ORDER_PAID;
		if (order != null && !orderStatus.equals(order.status())) {
			problems.add("order " + order.status() + " with " + delivered + " of " + packages.size()
					+ " packages delivered");
		}
		for (EntryRow entry : state.entriesOf(key)) {
			PackageRow shipped = packages.stream()
				.filter((row) -> row.sellerId() == entry.sellerId() && row.productId() == entry.productId())
				.findFirst()
				.orElse(null);
			if (shipped == null) {
				problems.add("entry " + entry.sellerId() + "/" + entry.productId() + " has no package");
			}
			else if (isDelivered(shipped) != Statuses.ENTRY_DELIVERED.equals(entry.deliveryStatus())) {
				problems.add("entry " + entry.sellerId() + "/" + entry.productId() + " " + entry.deliveryStatus()
						+ ", its package " + shipped.status());
			}
		}
		return problems;
	}

	private static boolean isDelivered(PackageRow row) {
		return Statuses.PACKAGE_DELIVERED.equals(row.status());
	}

}
