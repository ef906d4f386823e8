package dev.vmodb.samples.baseline.cart;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.vmodb.samples.baseline.RequestRejectedException;
import dev.vmodb.samples.baseline.events.CheckoutEvents.Payment;
import dev.vmodb.samples.baseline.events.CheckoutEvents.PaymentFailed;
import dev.vmodb.samples.baseline.events.CheckoutEvents.ReserveStock;
import dev.vmodb.samples.baseline.events.CheckoutEvents.ReserveStockFailed;
import dev.vmodb.samples.baseline.events.ProductEvents.PriceUpdated;
import dev.vmodb.samples.baseline.events.ProductEvents.ProductIngested;
import dev.vmodb.samples.baseline.events.ProductEvents.ProductUpdated;
import dev.vmodb.samples.baseline.events.RequestOutcome;
import dev.vmodb.samples.baseline.events.Topics;
import dev.vmodb.samples.baseline.messaging.EventPublisher;
import dev.vmodb.samples.baseline.messaging.ProcessedEvents;
import dev.vmodb.samples.marketplace.cart.Cart;
import dev.vmodb.samples.marketplace.cart.CartItem;
import dev.vmodb.samples.marketplace.cart.ReplicaProduct;
import dev.vmodb.samples.marketplace.cart.ReplicaProductId;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.PaymentType;

/**
 * The cart service: carts, their lines and the product replica that prices them. Checkout starts here; a failed
 * checkout ends here, when the lines are put back.
 */
@Service
public class CartService {

	static final String NAME = "cart";

	private final CartRepository carts;

	private final CartItemRepository items;

	private final ReplicaProductRepository replicas;

	private final ProcessedEvents processed;

	private final EventPublisher publisher;

	public CartService(CartRepository carts, CartItemRepository items, ReplicaProductRepository replicas,
			ProcessedEvents processed, EventPublisher publisher) {
		this.carts = carts;
		this.items = items;
		this.replicas = replicas;
		this.processed = processed;
		this.publisher = publisher;
	}

	@Transactional
	public void add(long customerId, long sellerId, long productId, int quantity, BigDecimal voucher) {
		ReplicaProduct product = this.replicas.findById(new ReplicaProductId(sellerId, productId)).orElse(null);
		RequestRejectedException.rejectIf(product == null || !product.isActive(), NAME,
				"no product " + sellerId + "/" + productId);
		if (!this.carts.existsById(customerId)) {
			this.carts.insert(new Cart(customerId, "OPEN"));
		}
		this.items.save(new CartItem(customerId, sellerId, productId, product.getName(), product.getPrice(),
				product.getFreightValue(), quantity, (voucher != null) ? voucher : BigDecimal.ZERO,
				product.getVersion()));
	}

	/** Empties the cart into the reservation request (the checkout's first local transaction). */
	@Transactional
	public void checkout(String requestId, long customerId, PaymentType type, String cardNumber, int installments) {
		List<CartItem> lines = this.items.findByCustomerId(customerId);
		RequestRejectedException.rejectIf(lines.isEmpty(), NAME, "cart of customer " + customerId + " is empty");
		List<CheckoutItem> items = lines.stream()
			.sorted(Comparator.comparing(CartItem::getSellerId).thenComparing(CartItem::getProductId))
			.map((line) -> new CheckoutItem(line.getSellerId(), line.getProductId(), line.getProductName(),
					line.getUnitPrice(), line.getFreightValue(), line.getQuantity(), line.getVoucher(),
					line.getVersion()))
			.toList();
		this.items.deleteAllInBatch(lines);
		this.publisher.publish(Topics.RESERVE_STOCK, customerId,
				new ReserveStock(requestId, customerId, new Payment(type, cardNumber, installments), items));
	}

	@KafkaListener(id = "cart.reserve-stock-failed", topics = Topics.RESERVE_STOCK_FAILED)
	@Transactional
	public void reservationFailed(ReserveStockFailed event) {
		if (this.processed.firstDelivery(NAME, Topics.RESERVE_STOCK_FAILED, event.requestId())) {
			restore(event.customerId(), event.items());
			this.publisher.report(RequestOutcome.failed(event.requestId(), "stock", event.reason()));
		}
	}

	@KafkaListener(id = "cart.payment-failed", topics = Topics.PAYMENT_FAILED)
	@Transactional
	public void paymentFailed(PaymentFailed event) {
		if (this.processed.firstDelivery(NAME, Topics.PAYMENT_FAILED, event.requestId())) {
			restore(event.customerId(), event.items());
			this.publisher.report(RequestOutcome.failed(event.requestId(), "payment", event.reason()));
		}
	}

	@KafkaListener(id = "cart.product-ingested", topics = Topics.PRODUCT_INGESTED)
	@Transactional
	public void addReplica(ProductIngested event) {
		if (this.processed.firstDelivery(NAME, Topics.PRODUCT_INGESTED, event.requestId())) {
			this.replicas.insert(new ReplicaProduct(event.sellerId(), event.productId(), event.name(), event.price(),
					event.freightValue(), event.version(), true));
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

	/** Upserts the replica; cart lines keep their old version, so their checkout fails at stock. */
	@KafkaListener(id = "cart.product-updated", topics = Topics.PRODUCT_UPDATED)
	@Transactional
	public void replaceReplica(ProductUpdated event) {
		if (this.processed.firstDelivery(NAME, Topics.PRODUCT_UPDATED, event.requestId())) {
			this.replicas.save(new ReplicaProduct(event.sellerId(), event.productId(), event.name(), event.price(),
					event.freightValue(), event.version(), true));
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

	/** Applies a new price to the replica and to the cart lines of the same version. */
	@KafkaListener(id = "cart.price-updated", topics = Topics.PRICE_UPDATED)
	@Transactional
	public void reprice(PriceUpdated event) {
		if (this.processed.firstDelivery(NAME, Topics.PRICE_UPDATED, event.requestId())) {
			this.replicas.findById(new ReplicaProductId(event.sellerId(), event.productId()))
				.filter((replica) -> replica.getVersion() == event.version())
				.ifPresent((replica) -> replica.setPrice(event.price()));
			for (CartItem item : this.items.findBySellerIdAndProductIdAndVersion(event.sellerId(), event.productId(),
					event.version())) {
				item.setUnitPrice(event.price());
			}
			this.publisher.report(RequestOutcome.done(event.requestId()));
		}
	}

	/** The compensation of a failed checkout: the lines go back into the cart, as they were. */
	private void restore(long customerId, List<CheckoutItem> lines) {
		for (CheckoutItem line : lines) {
			this.items.save(new CartItem(customerId, line.sellerId(), line.productId(), line.productName(),
					line.unitPrice(), line.freightValue(), line.quantity(), line.voucher(), line.version()));
		}
	}

}
