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
import dev.vmodb.samples.marketplace.seller.OrderEntry;
import dev.vmodb.samples.marketplace.seller.OrderEntryRepository;
import dev.vmodb.samples.marketplace.shipment.Shipment;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackage;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackageRepository;
import dev.vmodb.samples.marketplace.shipment.ShipmentRepository;
import dev.vmodb.samples.marketplace.stock.StockItem;
import dev.vmodb.samples.marketplace.stock.StockItemRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's criteria checked against the services' committed state, with no checkout or delivery in flight.
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
		Map<String, Shipment> shipmentsByKey = shipments.stream()
			.collect(Collectors.toMap(s -> key(s.getCustomerId(), s.getOrderId()), s -> s));
		for (Order order : orders) {
			long customer = order.getCustomerId();
			long id = order.getOrderId();
			int lines = bean(OrderItemRepository.class).findByCustomerIdAndOrderId(customer, id).size();
			assertThat(order.getCountItems()).isEqualTo(lines);
			List<ShipmentPackage> packages = bean(ShipmentPackageRepository.class).findByCustomerIdAndOrderId(customer, id);
			assertThat(packages).as("one package per item of order %s", key(customer, id)).hasSize(lines);
			List<OrderEntry> entries = bean(OrderEntryRepository.class).findByCustomerIdAndOrderId(customer, id);
			assertThat(entries).as("seller entries of order %s", key(customer, id)).hasSize(lines);
			checkDelivery(order, packages, entries, shipmentsByKey.get(key(customer, id)));
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

	/**
	 * Delivery moved shipment, packages, order and entries together: the shipment is APPROVED with no package
	 * delivered, CONCLUDED with all, DELIVERY_IN_PROGRESS in between; the order is DELIVERED (with a third history
	 * row) exactly when the shipment concluded; a seller's entries of the order are delivered exactly when that
	 * seller's packages are.
	 */
	private void checkDelivery(Order order, List<ShipmentPackage> packages, List<OrderEntry> entries, Shipment shipment) {
		String key = key(order.getCustomerId(), order.getOrderId());
		long delivered = packages.stream().filter(p -> p.getStatus().equals("DELIVERED")).count();
		String expectedShipment = (delivered == 0) ? "APPROVED"
				: (delivered == packages.size()) ? "CONCLUDED" : "DELIVERY_IN_PROGRESS";
		assertThat(shipment.getStatus()).as("shipment %s with %s of %s packages delivered", key, delivered,
				packages.size()).isEqualTo(expectedShipment);
		boolean concluded = expectedShipment.equals("CONCLUDED");
		assertThat(order.getStatus()).as("order %s", key).isEqualTo(concluded ? "DELIVERED" : "PAYMENT_PROCESSED");
		assertThat(bean(OrderHistoryRepository.class).findByCustomerIdAndOrderId(order.getCustomerId(), order.getOrderId()))
			.as("history of %s", key).hasSize(concluded ? 3 : 2);
		for (ShipmentPackage shipped : packages) {
			String expectedEntry = shipped.getStatus().equals("DELIVERED") ? OrderEntry.DELIVERED : OrderEntry.OPEN;
			assertThat(entries).as("entry of package %s/%s", key, shipped.getPackageId())
				.filteredOn(e -> e.getSellerId().equals(shipped.getSellerId())
						&& e.getProductId().equals(shipped.getProductId()))
				.isNotEmpty()
				.allSatisfy(e -> assertThat(e.getDeliveryStatus()).isEqualTo(expectedEntry));
		}
	}

	private void checkCustomers(List<Order> orders) {
		Map<Long, Long> perCustomer = orders.stream()
			.collect(Collectors.groupingBy(Order::getCustomerId, Collectors.counting()));
		Map<Long, Long> deliveredPackages = bean(ShipmentPackageRepository.class).findAll()
			.stream()
			.filter(p -> p.getStatus().equals("DELIVERED"))
			.collect(Collectors.groupingBy(ShipmentPackage::getCustomerId, Collectors.counting()));
		for (Customer customer : bean(CustomerRepository.class).findAll()) {
			assertThat((long) customer.getSuccessPaymentCount()).as("payments of customer %s", customer.getId())
				.isEqualTo(perCustomer.getOrDefault(customer.getId(), 0L));
			assertThat((long) customer.getDeliveryCount()).as("deliveries of customer %s", customer.getId())
				.isEqualTo(deliveredPackages.getOrDefault(customer.getId(), 0L));
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
