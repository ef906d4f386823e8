package dev.vmodb.samples.marketplace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.core.api.TransactionAbortedException;
import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.marketplace.cart.CartItem;
import dev.vmodb.samples.marketplace.cart.CartItemId;
import dev.vmodb.samples.marketplace.cart.CartItemRepository;
import dev.vmodb.samples.marketplace.cart.ReplicaProductId;
import dev.vmodb.samples.marketplace.cart.ReplicaProductRepository;
import dev.vmodb.samples.marketplace.customer.CustomerRepository;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CheckoutCompleted;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdatePrice;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdateProduct;
import dev.vmodb.samples.marketplace.order.CustomerOrderRepository;
import dev.vmodb.samples.marketplace.order.OrderItem;
import dev.vmodb.samples.marketplace.order.OrderItemRepository;
import dev.vmodb.samples.marketplace.order.OrderRepository;
import dev.vmodb.samples.marketplace.payment.OrderPaymentCardRepository;
import dev.vmodb.samples.marketplace.product.ProductId;
import dev.vmodb.samples.marketplace.product.ProductRepository;
import dev.vmodb.samples.marketplace.seller.OrderEntryRepository;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackageRepository;
import dev.vmodb.samples.marketplace.stock.StockItem;
import dev.vmodb.samples.marketplace.stock.StockItemId;
import dev.vmodb.samples.marketplace.stock.StockItemRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop's eight VMSs in one application on its embedded broker, on a small data set: every transaction type so
 * far and both checkout failure paths, with the benchmark's invariants checked on committed state after each test.
 * Each test uses its own customers, so the tests do not depend on their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceIntegrationTests {

	/** Sellers 1 to 3 serve the single-checkout tests; 4 to 6 the concurrent one, whose stock runs out. */
	static final int SELLERS = 6;

	static final int CONTENDED_SELLERS = 3;

	static final int PRODUCTS_PER_SELLER = 4;

	static final int CUSTOMERS = 40;

	static final int STOCK = 10;

	private ConfigurableApplicationContext context;

	private Shop shop;

	private ShopInvariants invariants;

	private int committedCheckouts;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(MarketplaceApplication.class)
			.properties("vmodb.application-name=marketplace-test", "vmodb.checkpoint.interval=1s")
			.run();
		this.shop = new Shop(this.context.getBean(VmsClient.class));
		this.shop.load(SELLERS, CUSTOMERS, PRODUCTS_PER_SELLER, STOCK);
		this.invariants = new ShopInvariants(this.context, STOCK);
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@AfterEach
	void invariantsHold() {
		this.invariants.check(this.committedCheckouts);
	}

	@Test
	void checkoutCommitsInEveryService() {
		Shop.committed(this.shop.add(1, 1, 1, 2));
		Shop.committed(this.shop.add(1, 2, 3, 1));
		TransactionResult result = Shop.committed(this.shop.checkout(1, Shop.GOOD_CARD));
		this.committedCheckouts++;

		CheckoutCompleted completed = result.output("checkout_completed", CheckoutCompleted.class);
		assertThat(completed.orderId()).isEqualTo(1);
		assertThat(completed.packages()).isEqualTo(2);
		assertThat(stock(1, 1).getQtyAvailable()).isEqualTo(STOCK - 2);
		assertThat(stock(1, 1).getOrderCount()).isEqualTo(1);
		assertThat(stock(2, 3).getQtyAvailable()).isEqualTo(STOCK - 1);
		assertThat(bean(CartItemRepository.class).findByCustomerId(1L)).as("cart emptied").isEmpty();
		assertThat(bean(OrderPaymentCardRepository.class).findAll()).anyMatch(card -> card.getCustomerId() == 1);
		assertThat(bean(CustomerRepository.class).findById(1L).orElseThrow().getSuccessPaymentCount()).isEqualTo(1);

		Shop.committed(this.shop.add(1, 1, 1, 1));
		TransactionResult second = Shop.committed(this.shop.checkout(1, Shop.GOOD_CARD));
		this.committedCheckouts++;
		assertThat(second.output("checkout_completed", CheckoutCompleted.class).orderId()).as("per-customer order id")
			.isEqualTo(2);
	}

	@Test
	void failedReservationAbortsTheWholeCheckout() {
		Shop.committed(this.shop.add(2, 1, 2, 1));
		Shop.committed(this.shop.add(2, 3, 4, STOCK + 1));
		TransactionAbortedException aborted = Shop.aborted(this.shop.checkout(2, Shop.GOOD_CARD));

		assertThat(aborted.vms()).isEqualTo("stock");
		assertThat(aborted.reason()).contains("insufficient stock of 3/4");
		assertThat(stock(1, 2).getQtyReserved()).as("the first line's reservation is undone").isZero();
		assertThat(bean(CartItemRepository.class).findByCustomerId(2L)).as("the cart keeps its items").hasSize(2);
		assertThat(bean(CustomerOrderRepository.class).existsById(2L)).isFalse();
	}

	@Test
	void declinedPaymentAbortsTheWholeCheckout() {
		Shop.committed(this.shop.add(3, 2, 2, 3));
		TransactionAbortedException aborted = Shop.aborted(this.shop.checkout(3, Shop.DECLINED_CARD));

		assertThat(aborted.vms()).isEqualTo("payment");
		assertThat(aborted.reason()).contains("payment declined");
		assertThat(stock(2, 2).getQtyReserved()).isZero();
		assertThat(stock(2, 2).getQtyAvailable()).isEqualTo(STOCK);
		// seller ran on the sibling branch of the same transaction: its entries are gone too
		assertThat(bean(OrderEntryRepository.class).findAll()).noneMatch(entry -> entry.getCustomerId() == 3);
		assertThat(bean(OrderRepository.class).findAll()).noneMatch(order -> order.getCustomerId() == 3);
		assertThat(bean(CartItemRepository.class).findByCustomerId(3L)).hasSize(1);
	}

	@Test
	void priceUpdateReachesReplicaCartAndOrder() {
		Shop.committed(this.shop.add(4, 1, 3, 1));
		BigDecimal newPrice = new BigDecimal("20.50");
		Shop.committed(this.shop.submit("update_price", new UpdatePrice(1, 3, newPrice)));

		assertThat(bean(ProductRepository.class).findById(new ProductId(1L, 3L)).orElseThrow().getPrice())
			.isEqualByComparingTo(newPrice);
		assertThat(bean(ReplicaProductRepository.class).findById(new ReplicaProductId(1L, 3L)).orElseThrow().getPrice())
			.isEqualByComparingTo(newPrice);
		assertThat(cartItem(4, 1, 3).getUnitPrice()).isEqualByComparingTo(newPrice);

		TransactionResult result = Shop.committed(this.shop.checkout(4, Shop.GOOD_CARD));
		this.committedCheckouts++;
		long orderId = result.output("checkout_completed", CheckoutCompleted.class).orderId();
		List<OrderItem> items = bean(OrderItemRepository.class).findByCustomerIdAndOrderId(4L, orderId);
		assertThat(items).singleElement().satisfies(item -> assertThat(item.getUnitPrice()).isEqualByComparingTo(newPrice));
	}

	@Test
	void productUpdateRejectsCartsHoldingTheOldVersion() {
		Shop.committed(this.shop.add(5, 2, 4, 1));
		assertThat(cartItem(5, 2, 4).getVersion()).isEqualTo(1);
		Shop.committed(this.shop.submit("update_product", new UpdateProduct(2, 4, "product 4 mk2", "sku-2-4b", "toys",
				new BigDecimal("30"), BigDecimal.ONE)));
		assertThat(stock(2, 4).getVersion()).isEqualTo(2);
		assertThat(bean(ReplicaProductRepository.class).findById(new ReplicaProductId(2L, 4L)).orElseThrow().getVersion())
			.isEqualTo(2);

		TransactionAbortedException aborted = Shop.aborted(this.shop.checkout(5, Shop.GOOD_CARD));
		assertThat(aborted.vms()).isEqualTo("stock");
		assertThat(aborted.reason()).contains("version 1 was replaced by version 2");

		// adding the product again takes the new version, which stock accepts
		Shop.committed(this.shop.add(5, 2, 4, 1));
		assertThat(cartItem(5, 2, 4).getVersion()).isEqualTo(2);
		Shop.committed(this.shop.checkout(5, Shop.GOOD_CARD));
		this.committedCheckouts++;
	}

	@Test
	void concurrentCheckoutsCommitOrAbortWhole() {
		Random random = new Random(42);
		int first = 10;
		List<CompletableFuture<TransactionResult>> adds = new ArrayList<>();
		for (long customer = first; customer <= CUSTOMERS; customer++) {
			for (int line = 0; line < 2; line++) {
				adds.add(this.shop.add(customer, SELLERS - random.nextInt(CONTENDED_SELLERS), 1 + random.nextInt(PRODUCTS_PER_SELLER),
						1 + random.nextInt(4)));
			}
		}
		adds.forEach(Shop::committed);
		List<CompletableFuture<TransactionResult>> checkouts = new ArrayList<>();
		for (long customer = first; customer <= CUSTOMERS; customer++) {
			checkouts.add(this.shop.checkout(customer, (customer % 7 == 0) ? Shop.DECLINED_CARD : Shop.GOOD_CARD));
		}
		int committed = 0;
		int outOfStock = 0;
		int declined = 0;
		for (CompletableFuture<TransactionResult> checkout : checkouts) {
			try {
				checkout.join();
				committed++;
			}
			catch (CompletionException ex) {
				TransactionAbortedException aborted = (TransactionAbortedException) ex.getCause();
				if (aborted.vms().equals("payment")) {
					declined++;
				}
				else {
					assertThat(aborted.reason()).contains("insufficient stock");
					outOfStock++;
				}
			}
		}
		this.committedCheckouts += committed;
		System.out.printf("Concurrent checkouts: %d committed, %d out of stock, %d declined%n", committed, outOfStock,
				declined);
		assertThat(committed).isPositive();
		assertThat(declined).isPositive();
		assertThat(outOfStock).as("the small stock runs out").isPositive();
	}

	private StockItem stock(long seller, long product) {
		return bean(StockItemRepository.class).findById(new StockItemId(seller, product)).orElseThrow();
	}

	private CartItem cartItem(long customer, long seller, long product) {
		return bean(CartItemRepository.class).findById(new CartItemId(customer, seller, product)).orElseThrow();
	}

	private <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

}
