package dev.vmodb.samples.marketplace.cart;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import dev.vmodb.core.api.Inbound;
import dev.vmodb.core.api.Outbound;
import dev.vmodb.core.api.VirtualMicroservice;
import dev.vmodb.core.api.VmsTransaction;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.AddToCart;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CustomerCheckout;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.Payment;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.ReserveStock;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.ProductEvents.PriceUpdated;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductIngested;
import dev.vmodb.samples.marketplace.events.ProductEvents.ProductUpdated;

/**
 * The cart VMS: carts, their items and the product replica that prices them. Checkout starts here.
 */
@VirtualMicroservice("cart")
public class CartService {

	private final CartRepository carts;

	private final CartItemRepository items;

	private final ReplicaProductRepository replicas;

	public CartService(CartRepository carts, CartItemRepository items, ReplicaProductRepository replicas) {
		this.carts = carts;
		this.items = items;
		this.replicas = replicas;
	}

	@Inbound("product_ingested")
	public void addReplica(ProductIngested event) {
		this.replicas.insert(new ReplicaProduct(event.sellerId(), event.productId(), event.name(), event.price(),
				event.freightValue(), event.version(), true));
	}

	/** Upserts the replica; cart items keep their old version, so their checkout fails at stock. */
	@Inbound("product_updated")
	public void replaceReplica(ProductUpdated event) {
		this.replicas.save(new ReplicaProduct(event.sellerId(), event.productId(), event.name(), event.price(),
				event.freightValue(), event.version(), true));
	}

	/**
	 * Applies a new price to the replica and to the open cart items of the same version. An older version's price is
	 * ignored, so replicated prices never go backwards.
	 */
	@Inbound("price_updated")
	public void reprice(PriceUpdated event) {
		ReplicaProduct replica = this.replicas.findById(new ReplicaProductId(event.sellerId(), event.productId()))
			.orElse(null);
		if (replica != null && replica.getVersion() == event.version()) {
			replica.setPrice(event.price());
			this.replicas.save(replica);
		}
		for (CartItem item : this.items.findByProductId(event.productId())) {
			if (item.getSellerId() == event.sellerId() && item.getVersion() == event.version()) {
				item.setUnitPrice(event.price());
				this.items.save(item);
			}
		}
	}

	@Inbound("add_to_cart")
	public void add(AddToCart event) {
		ReplicaProduct product = this.replicas.findById(new ReplicaProductId(event.sellerId(), event.productId()))
			.orElse(null);
		VmsTransaction.abortIf(product == null || !product.isActive(),
				"no product " + event.sellerId() + "/" + event.productId());
		if (!this.carts.existsById(event.customerId())) {
			this.carts.insert(new Cart(event.customerId(), "OPEN"));
		}
		BigDecimal voucher = (event.voucher() != null) ? event.voucher() : BigDecimal.ZERO;
		this.items.save(new CartItem(event.customerId(), event.sellerId(), event.productId(), product.getName(),
				product.getPrice(), product.getFreightValue(), event.quantity(), voucher, product.getVersion()));
	}

	/** Empties the cart into the reservation request; an abort further on puts the items back. */
	@Inbound("customer_checkout")
	@Outbound("reserve_stock")
	public ReserveStock checkout(CustomerCheckout event) {
		List<CartItem> lines = this.items.findByCustomerId(event.customerId());
		VmsTransaction.abortIf(lines.isEmpty(), "cart of customer " + event.customerId() + " is empty");
		List<CheckoutItem> items = lines.stream()
			.sorted(Comparator.comparing(CartItem::getSellerId).thenComparing(CartItem::getProductId))
			.map(line -> new CheckoutItem(line.getSellerId(), line.getProductId(), line.getProductName(),
					line.getUnitPrice(), line.getFreightValue(), line.getQuantity(), line.getVoucher(), line.getVersion()))
			.toList();
		this.items.deleteByCustomerId(event.customerId());
		return new ReserveStock(event.customerId(),
				new Payment(event.paymentType(), event.cardNumber(), event.installments()), items);
	}

}
