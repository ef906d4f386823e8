package dev.vmodb.samples.baseline.order;

import java.time.Instant;
import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.events.CheckoutEvents.InvoiceIssued;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentFailed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.StockConfirmed;
import dev.vmodb.samples.baseline.events.DeliveryEvents.ConcludedShipment;
import dev.vmodb.samples.baseline.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.baseline.messaging.ProcessedEvents;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.order.CustomerOrder;
import dev.vmodb.samples.marketplace.order.Order;
import dev.vmodb.samples.marketplace.order.OrderHistory;
import dev.vmodb.samples.marketplace.order.OrderId;
import dev.vmodb.samples.marketplace.order.OrderItem;

/**
 * The order service: creates the invoiced order once stock is reserved, marks it paid or canceled after payment, and
 * delivered once its shipment concluded.
 */
@Service
public class OrderService {

	static final String NAME = "order";

	/** The status of an order whose payment was declined: the compensation keeps the order (vMODB aborts it). */
	static final String CANCELED = "CANCELED";

	private final CustomerOrderRepository customerOrders;

	private final OrderRepository orders;

	private final OrderItemRepository items;

	private final OrderHistoryRepository history;

	private final ProcessedEvents processed;

	private final EventPublisher publisher;

	public OrderService(CustomerOrderRepository customerOrders, OrderRepository orders, OrderItemRepository items,
			OrderHistoryRepository history, ProcessedEvents processed, EventPublisher publisher) {
		this.customerOrders = customerOrders;
		this.orders = orders;
		this.items = items;
		this.history = history;
		this.processed = processed;
		this.publisher = publisher;
	}

	@KafkaListener(id = "order.stock-confirmed", topics = Topics.STOCK_CONFIRMED)
	@Transactional
	public void invoice(StockConfirmed event) {
		if (!this.processed.firstDelivery(NAME, Topics.STOCK_CONFIRMED, event.requestId())) {
			return;
		}
		long orderId = nextOrderId(event.customerId());
		Instant now = Instant.now();
		List<CheckoutItem> lines = event.items();
		Order order = Order.invoiced(event.customerId(), orderId, now, lines);
		this.orders.insert(order);
		long itemId = 1;
		for (CheckoutItem line : lines) {
			this.items.insert(OrderItem.of(event.customerId(), orderId, itemId++, line));
		}
		this.history.insert(new OrderHistory(event.customerId(), orderId, Order.INVOICED, now));
		this.publisher.publish(Topics.INVOICE_ISSUED, event.customerId(), new InvoiceIssued(event.requestId(),
				event.customerId(), orderId, order.getInvoiceNumber(), order.getTotalInvoice(), event.payment(),
				lines));
	}

	@KafkaListener(id = "order.payment-confirmed", topics = Topics.PAYMENT_CONFIRMED)
	@Transactional
	public void paid(PaymentConfirmed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_CONFIRMED, event.requestId())) {
			setStatus(event.customerId(), event.orderId(), Order.PAYMENT_PROCESSED);
		}
	}

	/** The compensation of a declined payment: the order stays, canceled. */
	@KafkaListener(id = "order.payment-failed", topics = Topics.PAYMENT_FAILED)
	@Transactional
	public void canceled(PaymentFailed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_FAILED, event.requestId())) {
			setStatus(event.customerId(), event.orderId(), CANCELED);
		}
	}

	/** An order whose shipment concluded is delivered; partly delivered orders keep their status. */
	@KafkaListener(id = "order.packages-delivered", topics = Topics.PACKAGES_DELIVERED)
	@Transactional
	public void delivered(PackagesDelivered event) {
		if (this.processed.firstDelivery(NAME, Topics.PACKAGES_DELIVERED, event.requestId())) {
			for (ConcludedShipment shipment : event.concluded()) {
				setStatus(shipment.customerId(), shipment.orderId(), Order.DELIVERED);
			}
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

	private void setStatus(long customerId, long orderId, String status) {
		Instant now = Instant.now();
		this.orders.findById(new OrderId(customerId, orderId)).ifPresent((order) -> {
			order.setStatus(status);
			order.setUpdatedAt(now);
		});
		this.history.insert(new OrderHistory(customerId, orderId, status, now));
	}

	/** Order ids count per customer, from 1. */
	private long nextOrderId(long customerId) {
		CustomerOrder counter = this.customerOrders.findById(customerId).orElse(null);
		if (counter == null) {
			this.customerOrders.insert(new CustomerOrder(customerId, 2L));
			return 1;
		}
		long orderId = counter.getNextOrderId();
		counter.setNextOrderId(orderId + 1);
		return orderId;
	}

}
