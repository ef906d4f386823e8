package dev.vmodb.samples.marketplace.audit;

import dev.vmodb.samples.marketplace.audit.ShopSnapshot.CartItemRow;
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
import dev.vmodb.samples.marketplace.cart.CartItem;
import dev.vmodb.samples.marketplace.cart.ReplicaProduct;
import dev.vmodb.samples.marketplace.customer.Customer;
import dev.vmodb.samples.marketplace.order.Order;
import dev.vmodb.samples.marketplace.order.OrderItem;
import dev.vmodb.samples.marketplace.payment.OrderPayment;
import dev.vmodb.samples.marketplace.product.Product;
import dev.vmodb.samples.marketplace.seller.OrderEntry;
import dev.vmodb.samples.marketplace.shipment.Shipment;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackage;
import dev.vmodb.samples.marketplace.stock.StockItem;

/**
 * The entities of the shared marketplace model ({@code vmodb-sample-marketplace-model}) as the audit's rows: the
 * columns the criteria read, nothing else. For the shops built on that model, which depend on it themselves: the audit
 * only compiles against it.
 */
public final class SnapshotRows {

	private SnapshotRows() {
	}

	public static StockRow of(StockItem item) {
		return new StockRow(item.getSellerId(), item.getProductId(), item.getQtyAvailable(), item.getQtyReserved(),
				item.getYtd(), item.getVersion(), item.isActive());
	}

	public static ProductRow of(Product product) {
		return new ProductRow(product.getSellerId(), product.getProductId(), product.getPrice(), product.getVersion(),
				product.isActive());
	}

	public static ReplicaRow of(ReplicaProduct replica) {
		return new ReplicaRow(replica.getSellerId(), replica.getProductId(), replica.getPrice(), replica.getVersion());
	}

	public static CartItemRow of(CartItem item) {
		return new CartItemRow(item.getCustomerId(), item.getSellerId(), item.getProductId(), item.getQuantity());
	}

	public static CustomerRow of(Customer customer) {
		return new CustomerRow(customer.getId(), customer.getSuccessPaymentCount(), customer.getFailedPaymentCount(),
				customer.getDeliveryCount());
	}

	public static OrderRow of(Order order) {
		return new OrderRow(order.getCustomerId(), order.getOrderId(), order.getStatus(), order.getCountItems(),
				order.getTotalAmount(), order.getTotalInvoice());
	}

	public static OrderItemRow of(OrderItem item) {
		return new OrderItemRow(item.getCustomerId(), item.getOrderId(), item.getOrderItemId(), item.getSellerId(),
				item.getProductId(), item.getUnitPrice(), item.getQuantity(), item.getTotalAmount());
	}

	public static PaymentRow of(OrderPayment payment) {
		return new PaymentRow(payment.getCustomerId(), payment.getOrderId(), payment.getSequential(),
				payment.getType().name(), payment.getAmount());
	}

	public static ShipmentRow of(Shipment shipment) {
		return new ShipmentRow(shipment.getCustomerId(), shipment.getOrderId(), shipment.getStatus(),
				shipment.getPackageCount());
	}

	public static PackageRow of(ShipmentPackage shipped) {
		return new PackageRow(shipped.getCustomerId(), shipped.getOrderId(), shipped.getPackageId(),
				shipped.getSellerId(), shipped.getProductId(), shipped.getQuantity(), shipped.getStatus());
	}

	public static EntryRow of(OrderEntry entry) {
		return new EntryRow(entry.getCustomerId(), entry.getOrderId(), entry.getSellerId(), entry.getProductId(),
				entry.getQuantity(), entry.getTotalItems(), entry.getTotalAmount(), entry.getFreightValue(),
				entry.getTotalIncentive(), entry.getTotalInvoice(), entry.getDeliveryStatus());
	}

}
