package dev.vmodb.samples.marketplace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;

import dev.vmodb.samples.marketplace.customer.Customer;
import dev.vmodb.samples.marketplace.customer.CustomerRepository;
import dev.vmodb.samples.marketplace.order.CustomerOrder;
import dev.vmodb.samples.marketplace.order.CustomerOrderRepository;
import dev.vmodb.samples.marketplace.order.Order;
import dev.vmodb.samples.marketplace.order.OrderHistoryRepository;
import dev.vmodb.samples.marketplace.order.OrderItem;
import dev.vmodb.samples.marketplace.order.OrderItemRepository;
import dev.vmodb.samples.marketplace.order.OrderRepository;
import dev.vmodb.samples.marketplace.payment.OrderPayment;
import dev.vmodb.samples.marketplace.payment.OrderPaymentRepository;
import dev.vmodb.samples.marketplace.seller.OrderEntryRepository;
import dev.vmodb.samples.marketplace.shipment.Shipment;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackageRepository;
import dev.vmodb.samples.marketplace.shipment.ShipmentRepository;
import dev.vmodb.samples.marketplace.stock.StockItem;
import dev.vmodb.samples.marketplace.stock.StockItemRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's criteria checked against the services' committed state, with no checkout in flight.
 */
final class ShopInvariants {

	private final ApplicationContext context;

	private final int initialStock;

	ShopInvariants(ApplicationContext context, int initialStock) {
		this.context = context;
		this.initialStock = initialStock;
	}

	/**
	 * @param committedCheckouts how many checkouts committed so far (aborted ones must have left no trace)
	 */
	void check(int committedCheckouts) {
		List<Order> orders = bean(OrderRepository.class).findAll();
		assertThat(orders).as("one order per committed checkout").hasSize(committedCheckouts);
		List<OrderItem> items = bean(OrderItemRepository.class).findAll();
		checkStock(items);
		Set<String> orderKeys = orders.stream().map(o -> key(o.getCustomerId(), o.getOrderId())).collect(Collectors.toSet());
		List<OrderPayment> payments = bean(OrderPaymentRepository.class).findAll();
		assertThat(payments.stream().map(p -> key(p.getCustomerId(), p.getOrderId())).toList())
			.as("one payment per order").containsExactlyInAnyOrderElementsOf(orderKeys);
		List<Shipment> shipments = bean(ShipmentRepository.class).findAll();
		assertThat(shipments.stream().map(s -> key(s.getCustomerId(), s.getOrderId())).toList())
			.as("one shipment per order").containsExactlyInAnyOrderElementsOf(orderKeys);
		for (Order order : orders) {
			long customer = order.getCustomerId();
			long id = order.getOrderId();
			int lines = bean(OrderItemRepository.class).findByCustomerIdAndOrderId(customer, id).size();
			assertThat(order.getStatus()).isEqualTo("PAYMENT_PROCESSED");
			assertThat(order.getCountItems()).isEqualTo(lines);
			assertThat(bean(OrderHistoryRepository.class).findByCustomerIdAndOrderId(customer, id)).hasSize(2);
			assertThat(bean(ShipmentPackageRepository.class).findByCustomerIdAndOrderId(customer, id))
				.as("one package per item of order %s", key(customer, id)).hasSize(lines);
			assertThat(bean(OrderEntryRepository.class).findByCustomerIdAndOrderId(customer, id))
				.as("seller entries of order %s", key(customer, id)).hasSize(lines);
		}
		assertThat(bean(ShipmentPackageRepository.class).count()).isEqualTo(items.size());
		assertThat(bean(OrderEntryRepository.class).count()).isEqualTo(items.size());
		checkCustomers(orders);
	}

	/** Stock never negative, reserved ≤ available, nothing reserved at rest, and sold = what committed orders hold. */
	private void checkStock(List<OrderItem> items) {
		Map<String, Integer> sold = new HashMap<>();
		for (OrderItem item : items) {
			sold.merge(key(item.getSellerId(), item.getProductId()), item.getQuantity(), Integer::sum);
		}
		for (StockItem stock : bean(StockItemRepository.class).findAll()) {
			String product = key(stock.getSellerId(), stock.getProductId());
			assertThat(stock.getQtyAvailable()).as("available of %s", product).isNotNegative();
			assertThat(stock.getQtyReserved()).as("reserved of %s at rest", product).isZero();
			assertThat(stock.getQtyReserved()).isLessThanOrEqualTo(stock.getQtyAvailable());
			assertThat(stock.getQtyAvailable()).as("available of %s after committed orders", product)
				.isEqualTo(this.initialStock - sold.getOrDefault(product, 0));
		}
	}

	private void checkCustomers(List<Order> orders) {
		Map<Long, Long> perCustomer = orders.stream()
			.collect(Collectors.groupingBy(Order::getCustomerId, Collectors.counting()));
		for (Customer customer : bean(CustomerRepository.class).findAll()) {
			assertThat((long) customer.getSuccessPaymentCount()).as("payments of customer %s", customer.getId())
				.isEqualTo(perCustomer.getOrDefault(customer.getId(), 0L));
		}
		for (CustomerOrder counter : bean(CustomerOrderRepository.class).findAll()) {
			assertThat(counter.getNextOrderId()).as("next order id of customer %s", counter.getCustomerId())
				.isEqualTo(perCustomer.getOrDefault(counter.getCustomerId(), 0L) + 1);
		}
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	static String key(long first, long second) {
		return first + "/" + second;
	}

}
