package dev.vmodb.samples.marketplace.payment;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.InvoiceIssued;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.Payment;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.marketplace.events.PaymentType;

/**
 * The payment VMS. A declined payment aborts the checkout everywhere (the benchmark's {@code PaymentFailed} and the
 * compensations it triggers are replaced by the all-or-nothing commit).
 */
@VirtualMicroservice("payment")
public class PaymentService {

	/** Card numbers with this prefix are declined, so tests and the driver can choose the failure path. */
	public static final String DECLINED_CARD_PREFIX = "0000";

	private final OrderPaymentRepository payments;

	private final OrderPaymentCardRepository cards;

	public PaymentService(OrderPaymentRepository payments, OrderPaymentCardRepository cards) {
		this.payments = payments;
		this.cards = cards;
	}

	@Inbound("invoice_issued")
	@Outbound("payment_confirmed")
	public PaymentConfirmed pay(InvoiceIssued event) {
		Payment payment = event.payment();
		boolean card = payment.type() == PaymentType.CREDIT_CARD || payment.type() == PaymentType.DEBIT_CARD;
		VmsTransaction.abortIf(card && (payment.cardNumber() == null || payment.cardNumber().isBlank()),
				"a card payment needs a card number");
		VmsTransaction.abortIf(card && payment.cardNumber().startsWith(DECLINED_CARD_PREFIX),
				"payment declined for card " + payment.cardNumber());
		this.payments.insert(new OrderPayment(event.customerId(), event.orderId(), 1, payment.type(),
				Math.max(1, payment.installments()), event.totalInvoice()));
		if (card) {
			this.cards.insert(new OrderPaymentCard(event.customerId(), event.orderId(), 1, payment.cardNumber(),
					payment.type().name()));
		}
		return new PaymentConfirmed(event.customerId(), event.orderId(), event.totalInvoice(), event.items());
	}

}
