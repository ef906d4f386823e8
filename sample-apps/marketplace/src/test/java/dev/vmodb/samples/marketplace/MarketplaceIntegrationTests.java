package dev.vmodb.samples.marketplace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
import dev.vmodb.samples.marketplace.customer.Customer;
import dev.vmodb.samples.marketplace.customer.CustomerRepository;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.CheckoutCompleted;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.UpdateDelivery;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdatePrice;
import dev.vmodb.samples.marketplace.events.ProductEvents.UpdateProduct;
import dev.vmodb.samples.marketplace.order.CustomerOrderRepository;
import dev.vmodb.samples.marketplace.order.Order;
import dev.vmodb.samples.marketplace.order.OrderId;
import dev.vmodb.samples.marketplace.order.OrderItem;
import dev.vmodb.samples.marketplace.order.OrderItemRepository;
import dev.vmodb.samples.marketplace.order.OrderRepository;
import dev.vmodb.samples.marketplace.payment.OrderPaymentCardRepository;
import dev.vmodb.samples.marketplace.product.ProductId;
import dev.vmodb.samples.marketplace.product.ProductRepository;
import dev.vmodb.samples.marketplace.seller.OrderEntry;
import dev.vmodb.samples.marketplace.seller.OrderEntryRepository;
import dev.vmodb.samples.marketplace.seller.SellerDashboard;
import dev.vmodb.samples.marketplace.shipment.Shipment;
import dev.vmodb.samples.marketplace.shipment.ShipmentId;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackageRepository;
import dev.vmodb.samples.marketplace.shipment.ShipmentRepository;
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

	/**
	 * Sellers 1 to 3 serve the single-checkout tests; 4 to 6 the concurrent one, whose stock runs out; 7 and 8 the
	 * delivery test (so no other test's order is older); 9 to 12 the concurrent delivery workload.
	 */
	static final int SELLERS = 12;

	static final int CONTENDED_SELLER = 6;

	static final int CONTENDED_SELLERS = 3;

	static final int PRODUCTS_PER_SELLER = 4;

	/** Customers 1 to 5 single checkouts, 6 to 9 delivery, 10 to 40 concurrent checkouts, 41 to 80 the workload. */
	static final int CUSTOMERS = 80;

	static final int CONTENDED_CUSTOMERS = 40;

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
		this.invariants = new ShopInvariants(this.context, this.shop, STOCK);
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
		for (long customer = first; customer <= CONTENDED_CUSTOMERS; customer++) {
			for (int line = 0; line < 2; line++) {
				adds.add(this.shop.add(customer, CONTENDED_SELLER - random.nextInt(CONTENDED_SELLERS), 1 + random.nextInt(PRODUCTS_PER_SELLER),
						1 + random.nextInt(4)));
			}
		}
		adds.forEach(Shop::committed);
		List<CompletableFuture<TransactionResult>> checkouts = new ArrayList<>();
		for (long customer = first; customer <= CONTENDED_CUSTOMERS; customer++) {
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

	@Test
	void deliveryMovesShipmentsOrdersEntriesAndCounters() {
		// customer 6 buys from sellers 7 and 8, then customer 7 from seller 7: 6's shipment is seller 7's oldest
		Shop.committed(this.shop.add(6, 7, 1, 1));
		Shop.committed(this.shop.add(6, 8, 2, 2));
		long first = orderOf(Shop.committed(this.shop.checkout(6, Shop.GOOD_CARD)));
		Shop.committed(this.shop.add(7, 7, 3, 1));
		long second = orderOf(Shop.committed(this.shop.checkout(7, Shop.GOOD_CARD)));
		this.committedCheckouts += 2;
		SellerDashboard dashboard = bean(SellerDashboard.class);
		assertThat(dashboard.of(7).aggregate().orders()).isEqualTo(2);

		Shop.committed(this.shop.submit("update_delivery", new UpdateDelivery(List.of(7L))));
		assertThat(shipment(6, first).getStatus()).as("seller 8's package is still out").isEqualTo("DELIVERY_IN_PROGRESS");
		assertThat(order(6, first).getStatus()).isEqualTo("PAYMENT_PROCESSED");
		assertThat(shipment(7, second).getStatus()).as("only the oldest shipment per seller").isEqualTo("APPROVED");
		assertThat(customer(6).getDeliveryCount()).isEqualTo(1);
		SellerDashboard.View seven = dashboard.of(7);
		assertThat(seven.entries()).as("the delivered entry left seller 7's dashboard")
			.singleElement()
			.satisfies(entry -> assertThat(entry.getCustomerId()).isEqualTo(7));
		assertThat(seven.aggregate().totalAmount()).isEqualByComparingTo(seven.entries().get(0).getTotalAmount());
		assertThat(dashboard.of(8).entries()).hasSize(1);

		// one transaction for both sellers: seller 8 concludes 6's order, seller 7 delivers 7's
		Shop.committed(this.shop.submit("update_delivery", new UpdateDelivery(List.of(8L, 7L))));
		assertThat(shipment(6, first).getStatus()).isEqualTo("CONCLUDED");
		assertThat(order(6, first).getStatus()).isEqualTo("DELIVERED");
		assertThat(shipment(7, second).getStatus()).isEqualTo("CONCLUDED");
		assertThat(order(7, second).getStatus()).isEqualTo("DELIVERED");
		assertThat(customer(6).getDeliveryCount()).isEqualTo(2);
		assertThat(customer(7).getDeliveryCount()).isEqualTo(1);
		assertThat(dashboard.of(7).entries()).isEmpty();
		assertThat(dashboard.of(7).aggregate().totalAmount()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(dashboard.of(8).entries()).isEmpty();

		// nothing open: the shipment handler emits nothing and the transaction still commits
		Shop.committed(this.shop.submit("update_delivery", new UpdateDelivery(List.of(7L, 8L))));
	}

	/**
	 * Checkouts and deliveries of sellers 9 to 12 run concurrently while a reader samples their dashboards: every
	 * sample's aggregate must equal the sum over its entries, and list only open entries of that seller. Then every
	 * order is delivered and the dashboards are empty; the invariants check the rest.
	 */
	@Test
	void dashboardStaysConsistentUnderCheckoutsAndDeliveries() throws Exception {
		Random random = new Random(7);
		long firstCustomer = CONTENDED_CUSTOMERS + 1;
		List<CompletableFuture<TransactionResult>> adds = new ArrayList<>();
		for (long customer = firstCustomer; customer <= CUSTOMERS; customer++) {
			for (int line = 0; line < 2; line++) {
				adds.add(this.shop.add(customer, WORKLOAD_SELLERS.get(random.nextInt(WORKLOAD_SELLERS.size())),
						1 + random.nextInt(PRODUCTS_PER_SELLER), 1));
			}
		}
		adds.forEach(Shop::committed);

		SellerDashboard dashboard = bean(SellerDashboard.class);
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger samples = new AtomicInteger();
		AtomicInteger nonEmpty = new AtomicInteger();
		CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
			while (running.get()) {
				long seller = WORKLOAD_SELLERS.get(samples.getAndIncrement() % WORKLOAD_SELLERS.size());
				SellerDashboard.View view = dashboard.of(seller);
				checkDashboard(view, seller);
				if (!view.entries().isEmpty()) {
					nonEmpty.incrementAndGet();
				}
			}
		});
		long started = System.nanoTime();
		List<CompletableFuture<TransactionResult>> checkouts = new ArrayList<>();
		List<CompletableFuture<TransactionResult>> deliveries = new ArrayList<>();
		for (long customer = firstCustomer; customer <= CUSTOMERS; customer++) {
			checkouts.add(this.shop.checkout(customer, Shop.GOOD_CARD));
			if (customer % 2 == 0) {
				deliveries.add(this.shop.submit("update_delivery", new UpdateDelivery(WORKLOAD_SELLERS)));
			}
			Thread.sleep(2);
		}
		int committed = 0;
		for (CompletableFuture<TransactionResult> checkout : checkouts) {
			try {
				checkout.get(30, TimeUnit.SECONDS);
				committed++;
			}
			catch (ExecutionException ex) {
				assertThat(((TransactionAbortedException) ex.getCause()).reason()).contains("insufficient stock");
			}
		}
		this.committedCheckouts += committed;
		deliveries.forEach(Shop::committed);
		int rounds = deliverEverything();
		running.set(false);
		sampler.get(30, TimeUnit.SECONDS);
		System.out.printf("Delivery workload: %d checkouts committed, %d concurrent + %d final deliveries, "
				+ "%d dashboard samples (%d non-empty), %d ms%n", committed, deliveries.size(), rounds, samples.get(),
				nonEmpty.get(),
				(System.nanoTime() - started) / 1_000_000);

		assertThat(committed).isPositive();
		assertThat(nonEmpty.get()).as("samples that saw open entries").isGreaterThan(WORKLOAD_SELLERS.size());
		for (long seller : WORKLOAD_SELLERS) {
			assertThat(dashboard.of(seller).entries()).as("open entries of seller %s after delivery", seller).isEmpty();
		}
	}

	static final List<Long> WORKLOAD_SELLERS = List.of(9L, 10L, 11L, 12L);

	/** One dashboard sample: the aggregate is the sum over the listed entries, all open and the seller's. */
	private static void checkDashboard(SellerDashboard.View view, long seller) {
		List<OrderEntry> entries = view.entries();
		SellerDashboard.Aggregate sum = view.aggregate();
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.getSellerId()).isEqualTo(seller);
			assertThat(entry.getDeliveryStatus()).isEqualTo(OrderEntry.OPEN);
		});
		assertThat(sum.entries()).as("counted entries of seller %s = listed", seller).isEqualTo(entries.size());
		assertThat(sum.totalAmount()).isEqualByComparingTo(
				entries.stream().map(OrderEntry::getTotalAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
		assertThat(sum.quantity()).isEqualTo(entries.stream().mapToLong(OrderEntry::getQuantity).sum());
		assertThat(sum.orders())
			.isEqualTo(entries.stream().map(e -> e.getCustomerId() + "/" + e.getOrderId()).distinct().count());
	}

	/** Delivers until no package of the workload's sellers is open; returns the number of delivery transactions. */
	private int deliverEverything() {
		ShipmentPackageRepository packages = bean(ShipmentPackageRepository.class);
		int rounds = 0;
		while (packages.findAll().stream().anyMatch(p -> WORKLOAD_SELLERS.contains(p.getSellerId())
				&& p.getStatus().equals("SHIPPED"))) {
			Shop.committed(this.shop.submit("update_delivery", new UpdateDelivery(WORKLOAD_SELLERS)));
			rounds++;
			assertThat(rounds).as("delivery rounds").isLessThan(200);
		}
		return rounds;
	}

	private static long orderOf(TransactionResult checkout) {
		return checkout.output("checkout_completed", CheckoutCompleted.class).orderId();
	}

	private Shipment shipment(long customer, long order) {
		return bean(ShipmentRepository.class).findById(new ShipmentId(customer, order)).orElseThrow();
	}

	private Order order(long customer, long order) {
		return bean(OrderRepository.class).findById(new OrderId(customer, order)).orElseThrow();
	}

	private Customer customer(long id) {
		return bean(CustomerRepository.class).findById(id).orElseThrow();
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
