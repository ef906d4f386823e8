package dev.vmodb.samples.marketplace.order;

import java.time.Instant;
import java.util.List;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.InvoiceIssued;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.StockConfirmed;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.ConcludedShipment;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.PackagesDelivered;

/**
 * The order VMS. Once stock is reserved it creates the order, invoiced and paid in one step: a declined payment further
 * on aborts the whole checkout, order included, so the order need not wait for the payment's event to come back to it
 * through the log (which would hold order up, checkout by checkout, within a batch).
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

	/**
	 * Creates the order with its items and its history up to the payment: invoiced, then (at the same transaction
	 * time) payment processed, the state a second step after payment would leave; the payment's checks decide
	 * whether any of it commits.
	 */
	@Inbound("stock_confirmed")
	@Outbound("invoice_issued")
	public InvoiceIssued invoice(StockConfirmed event) {
		long orderId = nextOrderId(event.customerId());
		Instant now = VmsTransaction.now();
		List<CheckoutItem> lines = event.items();
		Order order = Order.invoiced(event.customerId(), orderId, now, lines);
		order.setStatus(Order.PAYMENT_PROCESSED);
		order.setUpdatedAt(now);
		this.orders.insert(order);
		long itemId = 1;
		for (CheckoutItem line : lines) {
			this.items.insert(OrderItem.of(event.customerId(), orderId, itemId++, line));
		}
		this.history.insert(new OrderHistory(event.customerId(), orderId, Order.INVOICED, now));
		this.history.insert(new OrderHistory(event.customerId(), orderId, Order.PAYMENT_PROCESSED, now));
		return new InvoiceIssued(event.customerId(), orderId, order.getInvoiceNumber(), order.getTotalInvoice(),
				event.payment(), lines);
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
