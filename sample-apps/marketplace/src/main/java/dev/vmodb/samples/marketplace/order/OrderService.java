package dev.vmodb.samples.marketplace.order;

import java.time.Instant;
import java.util.List;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.InvoiceIssued;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.PaymentConfirmed;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.StockConfirmed;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.ConcludedShipment;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.PackagesDelivered;

/**
 * The order VMS. It runs twice in a checkout: it creates the invoiced order once stock is reserved, and marks it paid
 * once payment confirmed.
 */
@VirtualMicroservice("order")
public class OrderService {

	private final CustomerOrderRepository customerOrders;

	private final OrderRepository orders;

	private final OrderItemRepository items;

	private final OrderHistoryRepository history;

	public OrderService(CustomerOrderRepository customerOrders, OrderRepository orders, OrderItemRepository items,
			OrderHistoryRepository history) {
		this.customerOrders = customerOrders;
		this.orders = orders;
		this.items = items;
		this.history = history;
	}

	@Inbound("stock_confirmed")
	@Outbound("invoice_issued")
	public InvoiceIssued invoice(StockConfirmed event) {
		long orderId = nextOrderId(event.customerId());
		Instant now = VmsTransaction.now();
		List<CheckoutItem> lines = event.items();
		Order order = Order.invoiced(event.customerId(), orderId, now, lines);
		this.orders.insert(order);
		long itemId = 1;
		for (CheckoutItem line : lines) {
			this.items.insert(OrderItem.of(event.customerId(), orderId, itemId++, line));
		}
		this.history.insert(new OrderHistory(event.customerId(), orderId, Order.INVOICED, now));
		return new InvoiceIssued(event.customerId(), orderId, order.getInvoiceNumber(), order.getTotalInvoice(),
				event.payment(), lines);
	}

	@Inbound("payment_confirmed")
	public void paid(PaymentConfirmed event) {
		Order order = this.orders.findById(new OrderId(event.customerId(), event.orderId())).orElse(null);
		VmsTransaction.abortIf(order == null, "no order " + event.customerId() + "/" + event.orderId());
		Instant now = VmsTransaction.now();
		order.setStatus(Order.PAYMENT_PROCESSED);
		order.setUpdatedAt(now);
		this.orders.save(order);
		this.history.insert(new OrderHistory(event.customerId(), event.orderId(), Order.PAYMENT_PROCESSED, now));
	}

	/** An order whose shipment concluded is delivered; partly delivered orders keep their status. */
	@Inbound("packages_delivered")
	public void delivered(PackagesDelivered event) {
		Instant now = VmsTransaction.now();
		for (ConcludedShipment shipment : event.concluded()) {
			Order order = this.orders.findById(new OrderId(shipment.customerId(), shipment.orderId())).orElse(null);
			VmsTransaction.abortIf(order == null, "no order " + shipment.customerId() + "/" + shipment.orderId());
			order.setStatus(Order.DELIVERED);
			order.setUpdatedAt(now);
			this.orders.save(order);
			this.history.insert(new OrderHistory(shipment.customerId(), shipment.orderId(), Order.DELIVERED, now));
		}
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
		this.customerOrders.save(counter);
		return orderId;
	}

}
