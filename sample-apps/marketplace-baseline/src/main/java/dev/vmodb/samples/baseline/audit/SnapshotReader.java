package dev.vmodb.samples.baseline.audit;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.api.PendingRequests;
import dev.vmodb.samples.baseline.cart.CartItemRepository;
import dev.vmodb.samples.baseline.cart.ReplicaProductRepository;
import dev.vmodb.samples.baseline.customer.CustomerRepository;
import dev.vmodb.samples.baseline.order.OrderItemRepository;
import dev.vmodb.samples.baseline.order.OrderRepository;
import dev.vmodb.samples.baseline.payment.OrderPaymentRepository;
import dev.vmodb.samples.baseline.product.ProductRepository;
import dev.vmodb.samples.baseline.seller.OrderEntryRepository;
import dev.vmodb.samples.baseline.shipment.ShipmentPackageRepository;
import dev.vmodb.samples.baseline.shipment.ShipmentRepository;
import dev.vmodb.samples.baseline.stock.StockItemRepository;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot;
import dev.vmodb.samples.marketplace.audit.SnapshotRows;

/**
 * Reads every service's tables as the audit's {@link ShopSnapshot}, in one read-only transaction. Only meaningful on
 * a settled shop (no event in flight): the baseline has no snapshot across services.
 */
@Component
class SnapshotReader {

	private final PendingRequests requests;

	private final StockItemRepository stock;

	private final ProductRepository products;

	private final ReplicaProductRepository replicas;

	private final CartItemRepository cartItems;

	private final CustomerRepository customers;

	private final OrderRepository orders;

	private final OrderItemRepository orderItems;

	private final OrderPaymentRepository payments;

	private final ShipmentRepository shipments;

	private final ShipmentPackageRepository packages;

	private final OrderEntryRepository entries;

	SnapshotReader(PendingRequests requests, StockItemRepository stock, ProductRepository products,
			ReplicaProductRepository replicas, CartItemRepository cartItems, CustomerRepository customers,
			OrderRepository orders, OrderItemRepository orderItems, OrderPaymentRepository payments,
			ShipmentRepository shipments, ShipmentPackageRepository packages, OrderEntryRepository entries) {
		this.requests = requests;
		this.stock = stock;
		this.products = products;
		this.replicas = replicas;
		this.cartItems = cartItems;
		this.customers = customers;
		this.orders = orders;
		this.orderItems = orderItems;
		this.payments = payments;
		this.shipments = shipments;
		this.packages = packages;
		this.entries = entries;
	}

	/**
	 * Reads the snapshot.
	 * @return the rows, with the number of the last request started
	 */
	@Transactional(readOnly = true)
	ShopSnapshot read() {
		return new ShopSnapshot(this.requests.lastTid(), rows(this.stock, SnapshotRows::of),
				rows(this.products, SnapshotRows::of), rows(this.replicas, SnapshotRows::of),
				rows(this.customers, SnapshotRows::of), rows(this.orders, SnapshotRows::of),
				rows(this.orderItems, SnapshotRows::of), rows(this.payments, SnapshotRows::of),
				rows(this.shipments, SnapshotRows::of), rows(this.packages, SnapshotRows::of),
				rows(this.entries, SnapshotRows::of), rows(this.cartItems, SnapshotRows::of));
	}

	private static <E, R> List<R> rows(JpaRepository<E, ?> repository, Function<E, R> row) {
		return repository.findAll().stream().map(row).toList();
	}

}
