package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vmodb.samples.marketplace.audit.ShopSnapshot.CustomerRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.EntryRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderItemRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.OrderRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.PackageRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.PaymentRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ProductRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ReplicaRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.ShipmentRow;
import dev.vmodb.samples.marketplace.audit.ShopSnapshot.StockRow;

/**
 * A hand-run shop for the audit's tests: it applies checkouts, deliveries and price changes the way a correct shop
 * does, so its snapshots pass the audit; a test then breaks one row (the tables are plain lists and maps) to see the
 * criterion fail.
 */
final class ShopModel {

	final Map<ProductKey, StockRow> stock = new LinkedHashMap<>();

	final Map<ProductKey, ProductRow> products = new LinkedHashMap<>();

	final Map<ProductKey, ReplicaRow> replicas = new LinkedHashMap<>();

	final Map<Long, CustomerRow> customers = new LinkedHashMap<>();

	final List<OrderRow> orders = new ArrayList<>();

	final List<OrderItemRow> items = new ArrayList<>();

	final List<PaymentRow> payments = new ArrayList<>();

	final List<ShipmentRow> shipments = new ArrayList<>();

	final List<PackageRow> packages = new ArrayList<>();

	final List<EntryRow> entries = new ArrayList<>();

	private final Map<Long, Long> nextOrderId = new HashMap<>();

	/**
	 * Sellers 1..sellers with products 1..productsPerSeller priced 10 + product id, each with the given stock, and
	 * customers 1..customers.
	 */
	static ShopModel of(int sellers, int productsPerSeller, int customers, int units) {
		ShopModel shop = new ShopModel();
		for (long seller = 1; seller <= sellers; seller++) {
			for (long product = 1; product <= productsPerSeller; product++) {
				ProductKey key = new ProductKey(seller, product);
				BigDecimal price = BigDecimal.valueOf(10 + product);
				shop.products.put(key, new ProductRow(seller, product, price, 1, true));
				shop.replicas.put(key, new ReplicaRow(seller, product, price, 1));
				shop.stock.put(key, new StockRow(seller, product, units, 0, 0, 1, true));
			}
		}
		for (long customer = 1; customer <= customers; customer++) {
			shop.customers.put(customer, new CustomerRow(customer, 0, 0, 0));
		}
		return shop;
	}

	ShopModel copy() {
		ShopModel copy = new ShopModel();
		copy.stock.putAll(this.stock);
		copy.products.putAll(this.products);
		copy.replicas.putAll(this.replicas);
		copy.customers.putAll(this.customers);
		copy.orders.addAll(this.orders);
		copy.items.addAll(this.items);
		copy.payments.addAll(this.payments);
		copy.shipments.addAll(this.shipments);
		copy.packages.addAll(this.packages);
		copy.entries.addAll(this.entries);
		copy.nextOrderId.putAll(this.nextOrderId);
		return copy;
	}

	ShopSnapshot snapshot() {
		return new ShopSnapshot(-1, List.copyOf(this.stock.values()), List.copyOf(this.products.values()),
				List.copyOf(this.replicas.values()), List.copyOf(this.customers.values()), List.copyOf(this.orders),
				List.copyOf(this.items), List.copyOf(this.payments), List.copyOf(this.shipments),
				List.copyOf(this.packages), List.copyOf(this.entries), List.of());
	}

	/** A committed checkout: the order, its items at the replica's price, payment, shipment, entries, stock sold. */
	OrderKey checkout(long customerId, Line... lines) {
		long orderId = this.nextOrderId.merge(customerId, 1L, Long::sum);
		BigDecimal total = BigDecimal.ZERO;
		long itemId = 1;
		for (Line line : lines) {
			ProductKey key = new ProductKey(line.sellerId(), line.productId());
			BigDecimal price = this.replicas.get(key).price();
			BigDecimal amount = price.multiply(BigDecimal.valueOf(line.quantity()));
			total = total.add(amount);
			this.items.add(new OrderItemRow(customerId, orderId, itemId, line.sellerId(), line.productId(), price,
					line.quantity(), amount));
			this.packages.add(new PackageRow(customerId, orderId, itemId, line.sellerId(), line.productId(),
					line.quantity(), Statuses.PACKAGE_SHIPPED));
			this.entries.add(new EntryRow(customerId, orderId, line.sellerId(), line.productId(), line.quantity(), amount,
					amount, BigDecimal.ONE, BigDecimal.ZERO, amount, Statuses.ENTRY_OPEN));
			StockRow stock = this.stock.get(key);
			this.stock.put(key, new StockRow(stock.sellerId(), stock.productId(), stock.qtyAvailable() - line.quantity(),
					0, stock.ytd() + line.quantity(), stock.version(), true));
			itemId++;
		}
		this.orders.add(new OrderRow(customerId, orderId, Statuses.ORDER_PAID, lines.length, total, total));
		this.payments.add(new PaymentRow(customerId, orderId, 1, "CREDIT_CARD", total));
		this.shipments.add(new ShipmentRow(customerId, orderId, Statuses.SHIPMENT_APPROVED, lines.length));
		CustomerRow customer = this.customers.get(customerId);
		this.customers.put(customerId, new CustomerRow(customerId, customer.successPaymentCount() + 1,
				customer.failedPaymentCount(), customer.deliveryCount()));
		return new OrderKey(customerId, orderId);
	}

	/** Delivers every package of an order: shipment concluded, order delivered, entries delivered, counter up. */
	void deliver(OrderKey order) {
		int delivered = 0;
		for (int i = 0; i < this.packages.size(); i++) {
			PackageRow row = this.packages.get(i);
			if (row.customerId() == order.customerId() && row.orderId() == order.orderId()) {
				this.packages.set(i, new PackageRow(row.customerId(), row.orderId(), row.packageId(), row.sellerId(),
						row.productId(), row.quantity(), Statuses.PACKAGE_DELIVERED));
				delivered++;
			}
		}
		this.shipments.replaceAll((row) -> matches(order, row.customerId(), row.orderId())
				? new ShipmentRow(row.customerId(), row.orderId(), Statuses.SHIPMENT_CONCLUDED, row.packageCount()) : row);
		this.orders.replaceAll((row) -> matches(order, row.customerId(), row.orderId())
				? new OrderRow(row.customerId(), row.orderId(), Statuses.ORDER_DELIVERED, row.countItems(),
						row.totalAmount(), row.totalInvoice())
				: row);
		this.entries.replaceAll((row) -> matches(order, row.customerId(), row.orderId()) ? withStatus(row,
				Statuses.ENTRY_DELIVERED) : row);
		CustomerRow customer = this.customers.get(order.customerId());
		this.customers.put(customer.id(), new CustomerRow(customer.id(), customer.successPaymentCount(),
				customer.failedPaymentCount(), customer.deliveryCount() + delivered));
	}

	/** A committed price update: product and replica. */
	void setPrice(ProductKey key, BigDecimal price) {
		ProductRow product = this.products.get(key);
		this.products.put(key, new ProductRow(key.sellerId(), key.productId(), price, product.version(), true));
		this.replicas.put(key, new ReplicaRow(key.sellerId(), key.productId(), price, product.version()));
	}

	/** A committed replacement: a new version in product, stock and replica. */
	void replace(ProductKey key, BigDecimal price) {
		ProductRow product = this.products.get(key);
		long version = product.version() + 1;
		this.products.put(key, new ProductRow(key.sellerId(), key.productId(), price, version, true));
		this.replicas.put(key, new ReplicaRow(key.sellerId(), key.productId(), price, version));
		StockRow stock = this.stock.get(key);
		this.stock.put(key, new StockRow(stock.sellerId(), stock.productId(), stock.qtyAvailable(), stock.qtyReserved(),
				stock.ytd(), version, true));
	}

	static EntryRow withStatus(EntryRow row, String status) {
		return new EntryRow(row.customerId(), row.orderId(), row.sellerId(), row.productId(), row.quantity(),
				row.totalItems(), row.totalAmount(), row.freightValue(), row.totalIncentive(), row.totalInvoice(), status);
	}

	private static boolean matches(OrderKey order, long customerId, long orderId) {
		return order.customerId() == customerId && order.orderId() == orderId;
	}

}
