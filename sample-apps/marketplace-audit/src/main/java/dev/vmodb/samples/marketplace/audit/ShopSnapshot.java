package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.List;

/**
 * A shop's committed state as the audit reads it: the rows of the benchmark's tables that the criteria look at, taken
 * with no transaction in flight. Any shop (ours, the Spring baseline) exports it, so one audit judges both.
 *
 * @param tid the newest transaction the state includes, as the shop numbers them ({@code -1} if it does not)
 * @param cartItems the lines in customers' carts: a driver starts its model of the carts from them (lines of checkouts
 * that aborted before it ran are still there)
 */
public record ShopSnapshot(long tid, List<StockRow> stock, List<ProductRow> products, List<ReplicaRow> replicas,
		List<CustomerRow> customers, List<OrderRow> orders, List<OrderItemRow> orderItems, List<PaymentRow> payments,
		List<ShipmentRow> shipments, List<PackageRow> packages, List<EntryRow> entries, List<CartItemRow> cartItems) {

	/** A stock item: what is available, what is reserved, and units sold since ingestion ({@code ytd}). */
	public record StockRow(long sellerId, long productId, int qtyAvailable, int qtyReserved, long ytd, long version,
			boolean active) {
	}

	/** A product as the product service holds it. */
	public record ProductRow(long sellerId, long productId, BigDecimal price, long version, boolean active) {
	}

	/** A line in a customer's cart. */
	public record CartItemRow(long customerId, long sellerId, long productId, int quantity) {
	}

	/** The cart service's replica of a product. */
	public record ReplicaRow(long sellerId, long productId, BigDecimal price, long version) {
	}

	/** A customer's counters. */
	public record CustomerRow(long id, long successPaymentCount, long failedPaymentCount, long deliveryCount) {
	}

	/** An order (ids are per customer). */
	public record OrderRow(long customerId, long orderId, String status, int countItems, BigDecimal totalAmount,
			BigDecimal totalInvoice) {
	}

	/** A line of an order. */
	public record OrderItemRow(long customerId, long orderId, long orderItemId, long sellerId, long productId,
			BigDecimal unitPrice, int quantity, BigDecimal totalAmount) {
	}

	/** A payment of an order. */
	public record PaymentRow(long customerId, long orderId, long sequential, String type, BigDecimal value) {
	}

	/** An order's shipment. */
	public record ShipmentRow(long customerId, long orderId, String status, int packageCount) {
	}

	/** A package of a shipment: one per order line; status {@code SHIPPED} or {@code DELIVERED}. */
	public record PackageRow(long customerId, long orderId, long packageId, long sellerId, long productId,
			int quantity, String status) {
	}

	/**
	 * A seller's entry for one order line: what the dashboard sums. {@code deliveryStatus} is {@code OPEN} until
	 * the line's package is delivered.
	 */
	public record EntryRow(long customerId, long orderId, long sellerId, long productId, int quantity,
			BigDecimal totalItems, BigDecimal totalAmount, BigDecimal freightValue, BigDecimal totalIncentive,
			BigDecimal totalInvoice, String deliveryStatus) {
	}

}
