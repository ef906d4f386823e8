package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardAggregate;
import dev.vmodb.samples.marketplace.audit.Journal.DashboardRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Interval;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.Journal.PriceChangeRecord;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.EntryRow;

/**
 * A driver's journal written by hand: every request takes its own slot of a fake clock, so each is answered before
 * the next is sent, unless a test builds overlapping intervals itself.
 */
final class JournalModel {

	final List<CheckoutRecord> checkouts = new ArrayList<>();

	final List<PriceChangeRecord> priceChanges = new ArrayList<>();

	final List<DashboardRecord> dashboards = new ArrayList<>();

	private long clock;

	/** The next request's interval: sent after every earlier one was answered. */
	Interval next() {
		long sent = this.clock + 1;
		this.clock += 2;
		return new Interval(sent, sent + 1);
	}

	/** A cart line added now. */
	CartLine line(long sellerId, long productId, int quantity) {
		return new CartLine(sellerId, productId, quantity, next());
	}

	CheckoutRecord checkout(long customerId, Outcome outcome, long orderId, CartLine... lines) {
		CheckoutRecord checkout = new CheckoutRecord(customerId, next(), outcome, orderId, List.of(lines));
		this.checkouts.add(checkout);
		return checkout;
	}

	PriceChangeRecord priceChange(ProductKey product, String price, boolean replacement, Outcome outcome) {
		PriceChangeRecord change = new PriceChangeRecord(product.sellerId(), product.productId(), new BigDecimal(price),
				replacement, next(), outcome);
		this.priceChanges.add(change);
		return change;
	}

	/** A dashboard read now, with the aggregate a correct shop computes over the entries. */
	DashboardRecord dashboard(long sellerId, List<EntryRow> entries) {
		return dashboard(sellerId, aggregate(entries), entries);
	}

	DashboardRecord dashboard(long sellerId, DashboardAggregate aggregate, List<EntryRow> entries) {
		DashboardRecord dashboard = new DashboardRecord(sellerId, next(), aggregate, List.copyOf(entries));
		this.dashboards.add(dashboard);
		return dashboard;
	}

	static DashboardAggregate aggregate(List<EntryRow> entries) {
		long orders = entries.stream().map((entry) -> new OrderKey(entry.customerId(), entry.orderId())).distinct().count();
		return new DashboardAggregate(orders, entries.size(), entries.stream().mapToLong(EntryRow::quantity).sum(),
				sum(entries, EntryRow::totalItems), sum(entries, EntryRow::totalAmount),
				sum(entries, EntryRow::freightValue), sum(entries, EntryRow::totalIncentive),
				sum(entries, EntryRow::totalInvoice));
	}

	Journal journal() {
		return new Journal(List.copyOf(this.checkouts), List.copyOf(this.priceChanges), List.copyOf(this.dashboards));
	}

	private static BigDecimal sum(List<EntryRow> entries, java.util.function.Function<EntryRow, BigDecimal> column) {
		return entries.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
