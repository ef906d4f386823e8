package dev.vmodb.samples.baseline.payment;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.events.CheckoutEvents.InvoiceIssued;
import dev.vmodb.samples.baseline.events.CheckoutEvents.Payment;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentFailed;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.baseline.messaging.ProcessedEvents;
import dev.vmodb.samples.marketplace.events.PaymentType;
import dev.vmodb.samples.marketplace.payment.OrderPayment;
import dev.vmodb.samples.marketplace.payment.OrderPaymentCard;

/**
 * The payment service: pays an invoice or declines it (a card number starting with {@code 0000}, as in the vMODB
 * shop), which starts the compensations.
 */
@Service
public class PaymentService {

	static final String NAME = "payment";

	/** Card numbers with this prefix are declined, so tests and the driver can choose the failure path. */
	public static final String DECLINED_CARD_PREFIX = "0000";

	private final OrderPaymentRepository payments;

	private final OrderPaymentCardRepository cards;

	private final ProcessedEvents processed;

	private final EventPublisher publisher;

	public PaymentService(OrderPaymentRepository payments, OrderPaymentCardRepository cards,
			ProcessedEvents processed, EventPublisher publisher) {
		this.payments = payments;
		this.cards = cards;
		this.processed = processed;
		this.publisher = publisher;
	}

	@KafkaListener(id = "payment.invoice-issued", topics = Topics.INVOICE_ISSUED)
	@Transactional
	public void pay(InvoiceIssued event) {
		if (!this.processed.firstDelivery(NAME, Topics.INVOICE_ISSUED, event.requestId())) {
			return;
		}
		Payment payment = event.payment();
		boolean card = payment.type() == PaymentType.CREDIT_CARD || payment.type() == PaymentType.DEBIT_CARD;
		String declined = (card && (payment.cardNumber() == null || payment.cardNumber().isBlank()))
				? "a card payment needs a card number"
				: (card && payment.cardNumber().startsWith(DECLINED_CARD_PREFIX))
						? "payment declined for card " + payment.cardNumber() : null;
		if (declined != null) {
			this.publisher.publish(Topics.PAYMENT_FAILED, event.customerId(), new PaymentFailed(event.requestId(),
					event.customerId(), event.orderId(), event.items(), declined));
			return;
		}
		this.payments.insert(new OrderPayment(event.customerId(), event.orderId(), 1, payment.type(),
				Math.max(1, payment.installments()), event.totalInvoice()));
		if (card) {
			this.cards.insert(new OrderPaymentCard(event.customerId(), event.orderId(), 1, payment.cardNumber(),
					payment.type().name()));
		}
		this.publisher.publish(Topics.PAYMENT_CONFIRMED, event.customerId(), new PaymentConfirmed(event.requestId(),
				event.customerId(), event.orderId(), event.totalInvoice(), event.items()));
	}

}
