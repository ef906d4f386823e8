package dev.vmodb.samples.marketplace.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * The customer's cart and the checkout's event flow.
 *
 * <p>{@code add_to_cart} runs in cart alone. {@code customer_checkout} starts at cart, which empties the cart into
 * {@code reserve_stock}; stock reserves and emits {@code stock_confirmed}; order creates the order and emits
 * {@code invoice_issued} to payment and seller; payment emits {@code payment_confirmed} to stock, order, customer and
 * shipment; shipment ends the transaction with the terminal {@code checkout_completed}. A failed reservation or a
 * declined payment aborts the whole transaction, so no compensation events exist.
 */
public final class CheckoutEvents {

	private CheckoutEvents() {
	}

	/** Puts a quantity of a product in the customer's cart, at the replica's price and version. */
	public record AddToCart(long customerId, long sellerId, long productId, int quantity, BigDecimal voucher) {
	}

	/** Checks the customer's cart out. A card number starting with {@code 0000} is declined. */
	public record CustomerCheckout(long customerId, PaymentType paymentType, String cardNumber, int installments) {
	}

	/** How the checkout pays. */
	public record Payment(PaymentType type, String cardNumber, int installments) {
	}

	/** Cart asks stock to reserve every line. */
	public record ReserveStock(long customerId, Payment payment, List<CheckoutItem> items) {
	}

	/** Stock reserved every line. */
	public record StockConfirmed(long customerId, Payment payment, List<CheckoutItem> items) {
	}

	/** Order created the order and its invoice. */
	public record InvoiceIssued(long customerId, long orderId, String invoiceNumber, BigDecimal totalInvoice,
			Payment payment, List<CheckoutItem> items) {
	}

	/** Payment was accepted. */
	public record PaymentConfirmed(long customerId, long orderId, BigDecimal totalAmount, List<CheckoutItem> items) {
	}

	/** The checkout's result: the order and its shipment's packages. */
	public record CheckoutCompleted(long customerId, long orderId, int packages) {
	}

}
