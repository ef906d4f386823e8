package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a load driver saw during a run: every checkout, price change and dashboard read with when it was sent and
 * when it was answered. The audit checks the shop's state against it; times only need one clock (the driver's), so
 * "answered before sent" between two requests means the first happened before the second in real time.
 */
public record Journal(List<CheckoutRecord> checkouts, List<PriceChangeRecord> priceChanges,
		List<DashboardRecord> dashboards) {

	/** When a request was sent and when its answer arrived, in nanoseconds of the driver's clock. */
	public record Interval(long sent, long answered) {

		/** Whether this request was answered before the other was sent. */
		public boolean before(Interval other) {
			return this.answered < other.sent;
		}

	}

	/** How a transaction ended as the driver saw it. */
	public enum Outcome {

		/** 2xx: committed. */
		COMMITTED,

		/** 409: aborted; it must leave no trace. */
		ABORTED,

		/** Refused before submitting (4xx other than 409, 503) or no answer: it may or may not have run. */
		UNKNOWN

	}

	/**
	 * One checkout: the cart as the driver filled it (each line by its last committed add), the outcome and, when
	 * committed, the order id the shop answered.
	 */
	public record CheckoutRecord(long customerId, Interval at, Outcome outcome, long orderId, List<CartLine> lines) {
	}

	/** A cart line: the product, the quantity of its last committed add and when that add ran. */
	public record CartLine(long sellerId, long productId, int quantity, Interval added) {
	}

	/**
	 * A price update ({@code replacement} false) or a product replacement (true: a new version) with the price it
	 * set. The driver sends at most one change of a product at a time and only raises prices.
	 */
	public record PriceChangeRecord(long sellerId, long productId, BigDecimal price, boolean replacement,
			Interval at, Outcome outcome) {
	}

	/** A seller dashboard as read: its aggregate and the entries it lists. */
	public record DashboardRecord(long sellerId, Interval at, DashboardAggregate aggregate,
			List<ShopSnapshot.EntryRow> entries) {
	}

	/** The dashboard's aggregate as the shop computed it. */
	public record DashboardAggregate(long orders, long entries, long quantity, BigDecimal totalItems,
			BigDecimal totalAmount, BigDecimal totalFreight, BigDecimal totalIncentive, BigDecimal totalInvoice) {
	}

}
