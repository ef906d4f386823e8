package dev.vmodb.samples.marketplace.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
 * A snapshot's rows by key, built once per audit so every criterion looks rows up in constant time: a minute of load
 * leaves some 10^5 orders and 5 × 10^5 items, packages and entries. The rows of an order's child tables are grouped
 * by order. A table the shop did not export ({@code null}) is empty.
 */
final class ShopIndex {

	final ShopSnapshot snapshot;

	final Map<ProductKey, StockRow> stock;

	final Map<ProductKey, ProductRow> products;

	final Map<ProductKey, ReplicaRow> replicas;

	final Map<Long, CustomerRow> customers;

	final Map<OrderKey, OrderRow> orders;

	final Map<OrderKey, List<OrderItemRow>> items;

	final Map<OrderKey, List<PaymentRow>> payments;

	final Map<OrderKey, List<ShipmentRow>> shipments;

	final Map<OrderKey, List<PackageRow>> packages;

	final Map<OrderKey, List<EntryRow>> entries;

	ShopIndex(ShopSnapshot snapshot) {
		this.snapshot = snapshot;
		this.stock = unique(snapshot.stock(), (row) -> new ProductKey(row.sellerId(), row.productId()));
		this.products = unique(snapshot.products(), (row) -> new ProductKey(row.sellerId(), row.productId()));
		this.replicas = unique(snapshot.replicas(), (row) -> new ProductKey(row.sellerId(), row.productId()));
		this.customers = unique(snapshot.customers(), CustomerRow::id);
		this.orders = unique(snapshot.orders(), (row) -> new OrderKey(row.customerId(), row.orderId()));
		this.items = grouped(snapshot.orderItems(), (row) -> new OrderKey(row.customerId(), row.orderId()));
		this.payments = grouped(snapshot.payments(), (row) -> new OrderKey(row.customerId(), row.orderId()));
		this.shipments = grouped(snapshot.shipments(), (row) -> new OrderKey(row.customerId(), row.orderId()));
		this.packages = grouped(snapshot.packages(), (row) -> new OrderKey(row.customerId(), row.orderId()));
		this.entries = grouped(snapshot.entries(), (row) -> new OrderKey(row.customerId(), row.orderId()));
	}

	List<OrderItemRow> itemsOf(OrderKey order) {
		return this.items.getOrDefault(order, List.of());
	}

	List<PaymentRow> paymentsOf(OrderKey order) {
		return this.payments.getOrDefault(order, List.of());
	}

	List<ShipmentRow> shipmentsOf(OrderKey order) {
		return this.shipments.getOrDefault(order, List.of());
	}

	List<PackageRow> packagesOf(OrderKey order) {
		return this.packages.getOrDefault(order, List.of());
	}

	List<EntryRow> entriesOf(OrderKey order) {
		return this.entries.getOrDefault(order, List.of());
	}

	/** Units of each product over the items of all orders: what stock must have sold. */
	Map<ProductKey, Long> unitsOrdered() {
		Map<ProductKey, Long> units = new HashMap<>();
		for (OrderItemRow item : rows(this.snapshot.orderItems())) {
			units.merge(new ProductKey(item.sellerId(), item.productId()), (long) item.quantity(), Long::sum);
		}
		return units;
	}

	/** Delivered packages per customer: what the customers' delivery counters must say. */
	Map<Long, Long> deliveredPackagesPerCustomer() {
		Map<Long, Long> delivered = new HashMap<>();
		for (PackageRow row : rows(this.snapshot.packages())) {
			if (Statuses.PACKAGE_DELIVERED.equals(row.status())) {
				delivered.merge(row.customerId(), 1L, Long::sum);
			}
		}
		return delivered;
	}

	/** Orders per customer: what the customers' payment counters must say. */
	Map<Long, Long> ordersPerCustomer() {
		Map<Long, Long> perCustomer = new HashMap<>();
		for (OrderKey order : this.orders.keySet()) {
			perCustomer.merge(order.customerId(), 1L, Long::sum);
		}
		return perCustomer;
	}

	static <T> List<T> rows(List<T> table) {
		return (table != null) ? table : List.of();
	}

	/** Keyed rows; a repeated key keeps the first row (a shop's primary keys make that impossible). */
	private static <K, T> Map<K, T> unique(List<T> table, Function<T, K> key) {
		Map<K, T> byKey = new HashMap<>();
		for (T row : rows(table)) {
			byKey.putIfAbsent(key.apply(row), row);
		}
		return byKey;
	}

	private static <K, T> Map<K, List<T>> grouped(List<T> table, Function<T, K> key) {
		Map<K, List<T>> byKey = new HashMap<>();
		for (T row : rows(table)) {
			byKey.computeIfAbsent(key.apply(row), (k) -> new ArrayList<>(4)).add(row);
		}
		return byKey;
	}

}
