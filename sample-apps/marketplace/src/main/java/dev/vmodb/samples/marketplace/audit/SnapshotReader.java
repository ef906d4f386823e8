package dev.vmodb.samples.marketplace.audit;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.vmodb.autoconfigure.VmsRuntimes;
import dev.vmodb.core.store.ReadScope;
import dev.vmodb.core.store.VersionedStore;
import dev.vmodb.jpa.repository.VmsRepository;
import dev.vmodb.samples.marketplace.cart.CartItemRepository;
import dev.vmodb.samples.marketplace.cart.ReplicaProductRepository;
import dev.vmodb.samples.marketplace.customer.CustomerRepository;
import dev.vmodb.samples.marketplace.order.OrderItemRepository;
import dev.vmodb.samples.marketplace.order.OrderRepository;
import dev.vmodb.samples.marketplace.payment.OrderPaymentRepository;
import dev.vmodb.samples.marketplace.product.ProductRepository;
import dev.vmodb.samples.marketplace.seller.OrderEntryRepository;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackageRepository;
import dev.vmodb.samples.marketplace.shipment.ShipmentRepository;
import dev.vmodb.samples.marketplace.stock.StockItemRepository;

/**
 * Reads the shop's committed state as the audit's {@link ShopSnapshot}. Each VMS's tables are read inside one
 * {@link ReadScope}, so they come from one committed batch of that VMS (an order and its items agree, a shipment and
 * its packages); different VMSs may be at different batches, which is why the audit reads a quiescent shop.
 */
@Component
class SnapshotReader {

	private final VmsRuntimes runtimes;

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

	SnapshotReader(VmsRuntimes runtimes, StockItemRepository stock, ProductRepository products,
			ReplicaProductRepository replicas, CartItemRepository cartItems, CustomerRepository customers,
			OrderRepository orders, OrderItemRepository orderItems, OrderPaymentRepository payments,
			ShipmentRepository shipments, ShipmentPackageRepository packages, OrderEntryRepository entries) {
		this.runtimes = runtimes;
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
	 * @return the rows, with the lowest TID any VMS's read included
	 */
	ShopSnapshot read() {
		Reading reading = new Reading();
		List<ShopSnapshot.StockRow> stockRows = reading.of("stock", () -> rows(this.stock, SnapshotRows::of));
		List<ShopSnapshot.ProductRow> productRows = reading.of("product", () -> rows(this.products, SnapshotRows::of));
		CartTables cart = reading.of("cart",
				() -> new CartTables(rows(this.replicas, SnapshotRows::of), rows(this.cartItems, SnapshotRows::of)));
		List<ShopSnapshot.CustomerRow> customerRows = reading.of("customer", () -> rows(this.customers, SnapshotRows::of));
		OrderTables order = reading.of("order",
				() -> new OrderTables(rows(this.orders, SnapshotRows::of), rows(this.orderItems, SnapshotRows::of)));
		List<ShopSnapshot.PaymentRow> paymentRows = reading.of("payment", () -> rows(this.payments, SnapshotRows::of));
		ShipmentTables shipment = reading.of("shipment",
				() -> new ShipmentTables(rows(this.shipments, SnapshotRows::of), rows(this.packages, SnapshotRows::of)));
		List<ShopSnapshot.EntryRow> entryRows = reading.of("seller", () -> rows(this.entries, SnapshotRows::of));
		return new ShopSnapshot(reading.lowestTid, stockRows, productRows, cart.replicas(), customerRows, order.orders(),
				order.items(), paymentRows, shipment.shipments(), shipment.packages(), entryRows, cart.items());
	}

	private static <E, R> List<R> rows(VmsRepository<E, ?> repository, Function<E, R> row) {
		return repository.findAll().stream().map(row).toList();
	}

	/** The reads of one snapshot: one scope per VMS, and the lowest TID they saw. */
	private final class Reading {

		private long lowestTid = Long.MAX_VALUE;

		<T> T of(String vms, Supplier<T> reads) {
			VersionedStore store = SnapshotReader.this.runtimes.get(vms).store();
			return ReadScope.read(() -> {
				T read = reads.get();
				this.lowestTid = Math.min(this.lowestTid, store.scopedSnapshotTid());
				return read;
			});
		}

	}

	private record CartTables(List<ShopSnapshot.ReplicaRow> replicas, List<ShopSnapshot.CartItemRow> items) {
	}

	private record OrderTables(List<ShopSnapshot.OrderRow> orders, List<ShopSnapshot.OrderItemRow> items) {
	}

	private record ShipmentTables(List<ShopSnapshot.ShipmentRow> shipments, List<ShopSnapshot.PackageRow> packages) {
	}

}
