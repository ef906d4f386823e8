package dev.vmodb.samples.baseline.events;

import java.math.BigDecimal;
import java.util.List;

import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.PaymentType;

/**
 * The checkout's events, as the benchmark's eventually consistent flow has them: cart → {@code ReserveStock} → stock →
 * {@code StockConfirmed} → order → {@code InvoiceIssued} → payment and seller → {@code PaymentConfirmed} → stock,
 * order, customer and shipment; the failures {@code ReserveStockFailed} and {@code PaymentFailed} trigger the
 * compensations. Every event carries the id of the HTTP request that started the checkout: consumers deduplicate
 * redeliveries by it, and the last handler reports the outcome under it.
 */
public final class CheckoutEvents {

	private CheckoutEvents() {
	}

	/** How the checkout pays. */
	public record Payment(PaymentType type, String cardNumber, int installments) {
	}

	/** Cart emptied the cart and asks stock to reserve every line. */
	public record ReserveStock(String requestId, long customerId, Payment payment, List<CheckoutItem> items) {
	}

	/** Stock reserved every line. */
	public record StockConfirmed(String requestId, long customerId, Payment payment, List<CheckoutItem> items) {
	}

	/** Stock reserved nothing: one line could not be reserved. Cart puts the lines back. */
	public record ReserveStockFailed(String requestId, long customerId, List<CheckoutItem> items, String reason) {
	}

	/** Order created the order and its invoice. */
	public record InvoiceIssued(String requestId, long customerId, long orderId, String invoiceNumber,
			BigDecimal totalInvoice, Payment payment, List<CheckoutItem> items) {
	}

	/** Payment was accepted. */
	public record PaymentConfirmed(String requestId, long customerId, long orderId, BigDecimal totalAmount,
			List<CheckoutItem> items) {
	}

	/**
	 * Payment was declined: stock releases the reservation, order cancels, seller drops the entries, customer counts
	 * the failure, cart puts the lines back.
	 */
	public record PaymentFailed(String requestId, long customerId, long orderId, List<CheckoutItem> items, String reason) {
	}

	/** The checkout's result: the order and its shipment's packages. */
	public record CheckoutCompleted(long customerId, long orderId, int packages) {
	}

}
