package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;

/**
 * Which checkout of the journal made each order new since the state before the run. A committed checkout claims the
 * order its answer named. The others are new orders nobody claimed: each customer's checkouts of unknown outcome may
 * account for as many of them (lowest order ids first); the rest are traces of an aborted checkout when the customer
 * has one, else unaccounted for.
 */
final class CheckoutOrigins {

	private final ShopIndex before;

	private final Map<OrderKey, Origin> newOrders = new HashMap<>();

	private final Map<OrderKey, List<CheckoutRecord>> claims = new HashMap<>();

	private final Map<Long, Long> committedPerCustomer = new HashMap<>();

	private final Map<Long, Long> unknownOrdersPerCustomer = new HashMap<>();

	private final long unknownCheckouts;

	private final long abortedCheckouts;

	CheckoutOrigins(ShopIndex before, ShopIndex after, Journal journal) {
		this.before = before;
		Map<Long, Long> unknownBudget = new HashMap<>();
		Map<Long, Long> aborted = new HashMap<>();
		for (CheckoutRecord checkout : ShopIndex.rows(journal.checkouts())) {
			switch (checkout.outcome()) {
				case COMMITTED -> {
					this.claims.computeIfAbsent(new OrderKey(checkout.customerId(), checkout.orderId()),
							(key) -> new ArrayList<>(1)).add(checkout);
					this.committedPerCustomer.merge(checkout.customerId(), 1L, Long::sum);
				}
				case UNKNOWN -> unknownBudget.merge(checkout.customerId(), 1L, Long::sum);
				case ABORTED -> aborted.merge(checkout.customerId(), 1L, Long::sum);
			}
		}
		this.unknownCheckouts = count(journal, Outcome.UNKNOWN);
		this.abortedCheckouts = count(journal, Outcome.ABORTED);
		List<OrderKey> unclaimed = new ArrayList<>();
		for (OrderKey order : after.orders.keySet()) {
			if (!before.orders.containsKey(order)) {
				if (this.claims.containsKey(order)) {
					this.newOrders.put(order, Origin.COMMITTED);
				}
				else {
					unclaimed.add(order);
				}
			}
		}
		// sorted, so the same states and journal always give the same verdict
		unclaimed.sort(Comparator.comparingLong(OrderKey::customerId).thenComparingLong(OrderKey::orderId));
		for (OrderKey order : unclaimed) {
			long budget = unknownBudget.getOrDefault(order.customerId(), 0L);
			if (budget > 0) {
				unknownBudget.put(order.customerId(), budget - 1);
				this.unknownOrdersPerCustomer.merge(order.customerId(), 1L, Long::sum);
				this.newOrders.put(order, Origin.UNKNOWN);
			}
			else {
				this.newOrders.put(order, aborted.containsKey(order.customerId()) ? Origin.ABORTED : Origin.UNACCOUNTED);
			}
		}
	}

	/**
	 * Where an order comes from.
	 * @param order the order
	 * @return its origin, or {@code null} if it is in neither state
	 */
	Origin of(OrderKey order) {
		if (this.before.orders.containsKey(order)) {
			return Origin.BEFORE;
		}
		return this.newOrders.get(order);
	}

	/** The orders new since the state before the run, with their origin. */
	Map<OrderKey, Origin> newOrders() {
		return this.newOrders;
	}

	/** The committed checkouts that named an order, by that order (two claims of one order are a violation). */
	Map<OrderKey, List<CheckoutRecord>> claims() {
		return this.claims;
	}

	/** How many successful payments a customer made in the run: its committed checkouts and its orders of checkouts of unknown outcome. */
	long paymentsOf(long customerId) {
		return this.committedPerCustomer.getOrDefault(customerId, 0L)
				+ this.unknownOrdersPerCustomer.getOrDefault(customerId, 0L);
	}

	long unknownCheckouts() {
		return this.unknownCheckouts;
	}

	long abortedCheckouts() {
		return this.abortedCheckouts;
	}

	/** How many new orders checkouts of unknown outcome account for. */
	long unknownOrders() {
		return this.unknownOrdersPerCustomer.values().stream().mapToLong(Long::longValue).sum();
	}

	private static long count(Journal journal, Outcome outcome) {
		return ShopIndex.rows(journal.checkouts()).stream().filter((checkout) -> checkout.outcome() == outcome).count();
	}

}
