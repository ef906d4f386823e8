package dev.vmodb.samples.baseline.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import dev.vmodb.samples.baseline.RequestRejectedException;
import dev.vmodb.samples.baseline.cart.CartService;
import dev.vmodb.samples.baseline.customer.CustomerService;
import dev.vmodb.samples.baseline.product.ProductService;
import dev.vmodb.samples.baseline.seller.SellerService;
import dev.vmodb.samples.baseline.shipment.ShipmentService;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestCustomer;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;
import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestSeller;
import dev.vmodb.samples.marketplace.events.PaymentType;

/**
 * Runs a request's first local transaction in its service and answers when its flow is over: at once for the
 * requests one service does alone, when the flow's last handlers report for the others.
 */
@Component
public class ShopCommands {

	/** Product ingestion and replacement end in stock and cart. */
	private static final int STOCK_AND_CART = 2;

	/** A delivery ends in order, seller and customer. */
	private static final int ORDER_SELLER_AND_CUSTOMER = 3;

	/** A checkout ends in shipment (completed) or cart (failed, lines put back). */
	private static final int CHECKOUT = 1;

	/** A price update ends in cart. */
	private static final int CART = 1;

	/**
	 * Attempts of a first local transaction that lost a lock: concurrent deliveries lock shipments in data order and
	 * may deadlock; the loser rolled back (nothing was published), so running it again is safe.
	 */
	private static final int LOCK_ATTEMPTS = 5;

	private final PendingRequests pending;

	private final SellerService sellers;

	private final CustomerService customers;

	private final ProductService products;

	private final CartService carts;

	private final ShipmentService shipments;

	ShopCommands(PendingRequests pending, SellerService sellers, CustomerService customers, ProductService products,
			CartService carts, ShipmentService shipments) {
		this.pending = pending;
		this.sellers = sellers;
		this.customers = customers;
		this.products = products;
		this.carts = carts;
		this.shipments = shipments;
	}

	public CompletableFuture<TransactionResponse> ingestSeller(IngestSeller seller) {
		return local(0, (id) -> this.sellers.ingest(seller));
	}

	public CompletableFuture<TransactionResponse> ingestCustomer(IngestCustomer customer) {
		return local(0, (id) -> this.customers.ingest(customer));
	}

	public CompletableFuture<TransactionResponse> ingestProduct(IngestProduct product) {
		return local(STOCK_AND_CART, (id) -> this.products.ingest(id, product));
	}

	public CompletableFuture<TransactionResponse> addToCart(long customerId, long sellerId, long productId,
			int quantity, BigDecimal voucher) {
		return local(0, (id) -> this.carts.add(customerId, sellerId, productId, quantity, voucher));
	}

	public CompletableFuture<TransactionResponse> checkout(long customerId, PaymentType type, String cardNumber,
			int installments) {
		return local(CHECKOUT, (id) -> this.carts.checkout(id, customerId, type, cardNumber, installments));
	}

	public CompletableFuture<TransactionResponse> updatePrice(long sellerId, long productId, BigDecimal price) {
		return local(CART, (id) -> this.products.updatePrice(id, sellerId, productId, price));
	}

	public CompletableFuture<TransactionResponse> updateProduct(long sellerId, long productId, String name, String sku,
			String category, BigDecimal price, BigDecimal freightValue) {
		return local(STOCK_AND_CART, (id) -> this.products.updateProduct(id, sellerId, productId, name, sku, category,
				price, freightValue));
	}

	public CompletableFuture<TransactionResponse> updateDelivery(List<Long> sellerIds) {
		PendingRequests.Pending request = this.pending.start(ORDER_SELLER_AND_CUSTOMER);
		boolean delivered;
		try {
			delivered = retryingLockFailures(() -> this.shipments.deliver(request.id(), sellerIds));
		}
		catch (RuntimeException ex) {
			request.future().completeExceptionally(ex);
			throw ex;
		}
		return delivered ? request.future() : request.completeNow();
	}

	/**
	 * Runs the first local transaction under a new request.
	 * @param outcomes the outcomes the flow ends in ({@code 0}: done with the local transaction)
	 * @param transaction the local transaction, given the request id
	 */
	private CompletableFuture<TransactionResponse> local(int outcomes, Consumer<String> transaction) {
		PendingRequests.Pending request = this.pending.start(outcomes);
		try {
			retryingLockFailures(() -> {
				transaction.accept(request.id());
				return null;
			});
		}
		catch (RequestRejectedException ex) {
			return request.failNow(ex.service(), ex.reason());
		}
		catch (RuntimeException ex) {
			// not a request failure: answered as the error it is, and no longer pending
			request.future().completeExceptionally(ex);
			throw ex;
		}
		return (outcomes == 0) ? request.completeNow() : request.future();
	}

	private static <T> T retryingLockFailures(Supplier<T> transaction) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == LOCK_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
