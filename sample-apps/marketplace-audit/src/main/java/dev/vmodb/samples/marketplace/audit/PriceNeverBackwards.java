package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.Journal.PriceChangeRecord;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderItemRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ProductRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ReplicaRow;

/**
 * Prices flow from product to cart in order and nothing else sets them. Two kinds of cases:
 * <ul>
 * <li>each product (and each replica without one) of the final state: the cart's replica has the product's price
 * and version, since replication converges once nothing is in flight;</li>
 * <li>with a journal, each line of a committed checkout that has its order item: the item's unit price is at least
 * the price of every committed change (update or replacement) of the product answered before the checkout was sent,
 * since the driver only raises prices (a lower one is a cart that went back); and it is a price the product had, its
 * price before the run or that of a change that committed or may have (no effect without its cause).</li>
 * </ul>
 */
final class PriceNeverBackwards implements Criterion {

	@Override
	public CriterionResult check(AuditInput audit) {
		Violations violations = new Violations();
		checkReplicas(audit.after, violations);
		if (audit.hasJournal()) {
			for (CheckoutRecord checkout : audit.committedCheckouts()) {
				List<OrderItemRow> items = audit.after.itemsOf(new OrderKey(checkout.customerId(), checkout.orderId()));
				for (CartLine line : ShopIndex.rows(checkout.lines())) {
					items.stream()
						.filter((item) -> item.sellerId() == line.sellerId() && item.productId() == line.productId())
						.findFirst()
						.ifPresent((item) -> checkPrice(audit, checkout, item, violations));
				}
			}
		}
		return violations.result(Audit.PRICE_NEVER_BACKWARDS);
	}

	private static void checkReplicas(ShopIndex state, Violations violations) {
		for (ProductRow product : state.products.values()) {
			ProductKey key = new ProductKey(product.sellerId(), product.productId());
			ReplicaRow replica = state.replicas.get(key);
			violations.check(replica != null && replica.version() == product.version()
					&& replica.price().compareTo(product.price()) == 0,
					() -> "product " + key + " at " + product.price() + " (version " + product.version()
							+ "): the cart's replica " + ((replica != null) ? "is at " + replica.price() + " (version "
									+ replica.version() + ")" : "is missing"));
		}
		for (ReplicaRow replica : state.replicas.values()) {
			ProductKey key = new ProductKey(replica.sellerId(), replica.productId());
			if (!state.products.containsKey(key)) {
				violations.check(false, () -> "replica " + key + " of no product");
			}
		}
	}

	private static void checkPrice(AuditInput audit, CheckoutRecord checkout, OrderItemRow item,
			Violations violations) {
		ProductKey product = new ProductKey(item.sellerId(), item.productId());
		BigDecimal floor = null;
		Set<BigDecimal> had = new HashSet<>();
		ProductRow before = audit.isRun() ? audit.before.products.get(product) : null;
		if (before != null) {
			had.add(before.price().stripTrailingZeros());
		}
		for (PriceChangeRecord change : audit.changesOf(product)) {
			if (change.outcome() != Outcome.ABORTED) {
				had.add(change.price().stripTrailingZeros());
			}
			if (change.outcome() == Outcome.COMMITTED && change.at().before(checkout.at())
					&& (floor == null || change.price().compareTo(floor) > 0)) {
				floor = change.price();
			}
		}
		List<String> problems = new ArrayList<>(1);
		BigDecimal price = item.unitPrice();
		if (floor != null && price.compareTo(floor) < 0) {
			problems.add("sold at " + price + " after a change to " + floor + " was answered");
		}
		if (!had.contains(price.stripTrailingZeros())) {
			problems.add("sold at " + price + ", a price the product never had");
		}
		violations.check("checkout of customer " + checkout.customerId() + " (order " + checkout.orderId() + "), "
				+ product, problems);
	}

}
