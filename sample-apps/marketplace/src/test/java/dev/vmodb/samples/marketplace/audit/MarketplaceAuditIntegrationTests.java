package dev.vmodb.samples.marketplace.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.vmodb.core.api.TransactionResult;
import dev.vmodb.core.api.VmsClient;
import dev.vmodb.samples.marketplace.MarketplaceApplication;
import dev.vmodb.samples.marketplace.audit.AuditReport.CriterionResult;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.audit.RecordingDriver.Answer;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.Payment;
import dev.vmodb.samples.marketplace.events.CheckoutEvents.ReserveStock;
import dev.vmodb.samples.marketplace.events.CheckoutItem;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.ConcludedShipment;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.PackagesDelivered;
import dev.vmodb.samples.marketplace.events.DeliveryEvents.SellerDelivery;
import dev.vmodb.samples.marketplace.events.PaymentType;
import dev.vmodb.samples.marketplace.events.ProductEvents.PriceUpdated;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit against the real shop over HTTP, on its embedded broker: a concurrent workload of every transaction type
 * and failure path passes it, and committed state corrupted on purpose fails exactly the criteria it breaks.
 *
 * <p>The corruptions commit through the shop's own machinery, since the state changes only through transactions: the
 * test submits an internal event as if it were an input (any event a handler consumes may start a transaction), so
 * the handlers downstream of it run and commit, but the ones that should have caused it never ran. Each such event
 * stands for a real fault of an event-driven shop: a delivery without its cause, a stale duplicate, a lost upstream
 * step. They run after the sound workload and the one that cannot be undone runs last, hence the fixed order. Each
 * test audits its own window (its own snapshots and journal) with customers and seller 5, which nothing else uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketplaceAuditIntegrationTests {

	static final int SELLERS = 5;

	/** Sellers 1 to 4 serve the workload; seller 5 the corruption tests. */
	static final int WORKLOAD_SELLERS = 4;

	static final int PRODUCTS = 3;

	static final int STOCK = 20;

	/** Customers 1 to 30 for the workload, 31 to 40 for the corruption tests. */
	static final int CUSTOMERS = 40;

	static final String GOOD_CARD = "4111111111111111";

	static final String DECLINED_CARD = "0000111122223333";

	private ConfigurableApplicationContext context;

	private String base;

	@BeforeAll
	void start() {
		this.context = new SpringApplicationBuilder(MarketplaceApplication.class)
			.properties("vmodb.application-name=marketplace-audit-test", "vmodb.checkpoint.interval=1s",
					"marketplace.audit.commit-wait=2s")
			.run();
		this.base = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
		RecordingDriver loader = new RecordingDriver(this.base);
		List<CompletableFuture<Answer>> loads = new ArrayList<>();
		for (long seller = 1; seller <= SELLERS; seller++) {
			long id = seller;
			loads.add(CompletableFuture.supplyAsync(() -> loader.request("POST", "/seller",
					"{\"id\":" + id + ",\"name\":\"seller " + id + "\",\"city\":\"Odense\"}")));
			for (long product = 1; product <= PRODUCTS; product++) {
				long productId = product;
				loads.add(CompletableFuture.supplyAsync(() -> loader.request("POST", "/product", "{\"sellerId\":" + id
						+ ",\"productId\":" + productId + ",\"name\":\"product " + productId + "\",\"sku\":\"sku-" + id
						+ "-" + productId + "\",\"category\":\"toys\",\"price\":" + price(productId)
						+ ",\"freightValue\":1.00,\"qtyAvailable\":" + STOCK + "}")));
			}
		}
		for (long customer = 1; customer <= CUSTOMERS; customer++) {
			long id = customer;
			loads.add(CompletableFuture.supplyAsync(() -> loader.request("POST", "/customer",
					"{\"id\":" + id + ",\"firstName\":\"first\",\"lastName\":\"last\",\"city\":\"Aarhus\"}")));
		}
		assertThat(loads).allSatisfy((load) -> assertThat(load.join().status()).as(load.join().body()).isEqualTo(201));
	}

	@AfterAll
	void stop() {
		if (this.context != null) {
			this.context.close();
		}
	}

	/**
	 * Every transaction type at once, from many threads as a driver sends them: checkouts (some declined, some out
	 * of stock, four that fail reservation because their product was replaced and then succeed with the new version),
	 * price updates, a replacement racing the checkouts, deliveries and dashboard reads throughout. The journal and
	 * both snapshots come over HTTP; the audit must pass with every criterion having checked something.
	 */
	@Test
	@Order(1)
	void concurrentWorkloadOfEveryTransactionTypePassesTheAudit() throws Exception {
		RecordingDriver driver = new RecordingDriver(this.base);
		ShopSnapshot before = driver.snapshot();
		ExecutorService threads = Executors.newFixedThreadPool(16);
		AtomicBoolean running = new AtomicBoolean(true);
		try {
			Future<?> deliveries = threads.submit(() -> {
				while (running.get()) {
					driver.request("PATCH", "/shipment/delivery", "{\"sellerIds\":[1,2,3,4]}");
					pause(5);
				}
			});
			Future<?> dashboards = threads.submit(() -> {
				for (int read = 0; running.get(); read++) {
					driver.dashboard(1 + (read % WORKLOAD_SELLERS));
					pause(2);
				}
			});
			List<Future<?>> work = new ArrayList<>();
			work.add(threads.submit(() -> raisePrices(driver)));
			work.add(threads.submit(() -> checkOutAReplacedProduct(driver)));
			work.add(threads.submit(() -> driver.replaceProduct(3, 1, new BigDecimal("30.00"))));
			for (long customer = 5; customer <= 30; customer++) {
				long id = customer;
				work.add(threads.submit(() -> shop(driver, id)));
			}
			for (Future<?> done : work) {
				done.get(60, TimeUnit.SECONDS);
			}
			running.set(false);
			deliveries.get(30, TimeUnit.SECONDS);
			dashboards.get(30, TimeUnit.SECONDS);
			// at least one delivery after the last checkout, so the final state has delivered packages
			assertThat(driver.request("PATCH", "/shipment/delivery", "{\"sellerIds\":[1,2,3,4]}").status()).isEqualTo(200);
		}
		finally {
			running.set(false);
			threads.shutdownNow();
		}
		ShopSnapshot after = driver.snapshot();
		Journal journal = driver.journal();

		AuditReport report = Audit.run(before, after, journal);
		System.out.printf("Audit workload: %d checkouts (%d committed), %d price changes, %d dashboards, %d orders%n%s",
				journal.checkouts().size(), count(journal, Outcome.COMMITTED), journal.priceChanges().size(),
				journal.dashboards().size(), after.orders().size() - before.orders().size(), report.format());
		assertThat(report.passed()).as(report.format()).isTrue();
		assertThat(report.criteria()).allSatisfy((criterion) -> assertThat(criterion.checked())
			.as("%s checked", criterion.name()).isPositive());
		assertThat(Audit.state(after).passed()).as(Audit.state(after).format()).isTrue();
		assertThat(after.tid()).as("the snapshot includes every answered TID").isGreaterThanOrEqualTo(driver.highestTid());
		assertThat(count(journal, Outcome.COMMITTED)).isGreaterThan(10);
		assertThat(count(journal, Outcome.ABORTED)).as("declined, out of stock, replaced").isGreaterThanOrEqualTo(4 + 4);
		assertThat(journal.priceChanges()).anyMatch((change) -> change.outcome() == Outcome.COMMITTED);
		assertThat(journal.dashboards()).anyMatch((dashboard) -> !dashboard.entries().isEmpty());
		assertThat(after.shipments()).anyMatch((shipment) -> !shipment.status().equals("APPROVED"));
	}

	/**
	 * A snapshot waits for every VMS, and every VMS commits every batch, also one it took no part in: after a
	 * transaction of the seller VMS alone, the stock, cart and other VMSs have committed its TID too.
	 */
	@Test
	@Order(2)
	void everyVmsCommitsEveryBatchEvenOnesItTookNoPartIn() {
		RecordingDriver driver = new RecordingDriver(this.base);
		Answer seller = driver.request("POST", "/seller", "{\"id\":99,\"name\":\"late\",\"city\":\"Vejle\"}");
		assertThat(seller.status()).isEqualTo(201);

		ShopSnapshot snapshot = driver.snapshot();

		assertThat(snapshot.tid()).isGreaterThanOrEqualTo(driver.highestTid()).isPositive();
	}

	@Test
	@Order(3)
	void snapshotOfATidNotCommittedGivesUpWithAReason() {
		Answer refused = new RecordingDriver(this.base).request("GET", "/audit/snapshot?tid=" + Long.MAX_VALUE, null);

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.body()).contains("Not every VMS has committed TID " + Long.MAX_VALUE, "stock=");
	}

	/**
	 * A checkout that starts at stock, not at the cart ({@code reserve_stock} submitted directly): a lost upstream step.
	 * Every service downstream commits its part, so the state alone is coherent and the state audit passes; only the
	 * journal shows that no checkout was placed: stock fell without a cause, the order's rows belong to no checkout,
	 * and the customer's payments rose without one.
	 */
	@Test
	@Order(4)
	void auditDetectsACheckoutNoCustomerPlaced() {
		RecordingDriver driver = new RecordingDriver(this.base);
		ShopSnapshot before = driver.snapshot();
		driver.add(31, 5, 1, 1);
		assertThat(driver.checkout(31, GOOD_CARD)).isEqualTo(Outcome.COMMITTED);

		TransactionResult phantom = committed("reserve_stock", new ReserveStock(32,
				new Payment(PaymentType.CREDIT_CARD, GOOD_CARD, 1),
				List.of(new CheckoutItem(5, 2, "product 2", price(2), BigDecimal.ONE, 2, BigDecimal.ZERO, 1))));

		ShopSnapshot after = driver.snapshot(phantom.tid());
		AuditReport report = Audit.run(before, after, driver.journal());
		System.out.print(report.format());
		// the order, its item, payment, shipment, package and seller entry belong to no checkout
		assertViolations(report, Map.of(Audit.STOCK_DECREMENT, 1L, Audit.NO_TRACE_OF_ABORTS, 6L,
				Audit.CHECKOUT_COMPLETE, 1L));
		assertThat(report.criterion(Audit.STOCK_DECREMENT).examples())
			.containsExactly("stock 5/2: available fell by 2 but the run bought 0; ytd rose by 2 but the run bought 0");
		assertThat(report.criterion(Audit.CHECKOUT_COMPLETE).examples())
			.containsExactly("customer 32: successful payments rose by 1, expected 0");
		assertThat(Audit.state(after).passed()).as("coherent without the journal").isTrue();
	}

	/**
	 * A stale duplicate of a price event ({@code price_updated} carrying the product's first price) reaching the cart
	 * after a newer one: the cart's replica and the customer's cart item go back to the old price, and the customer
	 * buys at it although the raise was answered before the checkout was sent. Afterwards a real price update makes
	 * the replica converge again, so the tests after this one audit a sound replica.
	 */
	@Test
	@Order(5)
	void auditDetectsAPriceThatWentBackwards() {
		RecordingDriver driver = new RecordingDriver(this.base);
		ShopSnapshot before = driver.snapshot();
		driver.add(33, 5, 3, 1);
		assertThat(driver.updatePrice(5, 3, new BigDecimal("14.00"))).isEqualTo(Outcome.COMMITTED);
		TransactionResult stale = committed("price_updated", new PriceUpdated(5, 3, price(3), 1));
		assertThat(driver.checkout(33, GOOD_CARD)).isEqualTo(Outcome.COMMITTED);

		ShopSnapshot after = driver.snapshot(stale.tid());
		AuditReport report = Audit.run(before, after, driver.journal());
		System.out.print(report.format());
		assertViolations(report, Map.of(Audit.PRICE_NEVER_BACKWARDS, 2L));
		assertThat(report.criterion(Audit.PRICE_NEVER_BACKWARDS).examples()).containsExactlyInAnyOrder(
				"product 5/3 at 14.00 (version 1): the cart's replica is at 13.00 (version 1)",
				"checkout of customer 33 (order 1), 5/3: sold at 13.00 after a change to 14.00 was answered");

		assertThat(driver.updatePrice(5, 3, new BigDecimal("15.00"))).isEqualTo(Outcome.COMMITTED);
		assertThat(Audit.state(driver.snapshot()).criterion(Audit.PRICE_NEVER_BACKWARDS).violated()).isZero();
	}

	/**
	 * A delivery notification without its delivery ({@code packages_delivered} submitted directly): order, seller and
	 * customer record a delivery the shipment never made. The state alone shows it: the order and its entry are
	 * delivered while the package is still shipped, and the customer counts a package nobody delivered. It cannot be
	 * undone, so it runs last.
	 */
	@Test
	@Order(6)
	void auditDetectsADeliveryThatNeverHappened() {
		RecordingDriver driver = new RecordingDriver(this.base);
		ShopSnapshot before = driver.snapshot();
		driver.add(34, 5, 1, 1);
		assertThat(driver.checkout(34, GOOD_CARD)).isEqualTo(Outcome.COMMITTED);
		long orderId = driver.journal().checkouts().get(0).orderId();

		TransactionResult notified = committed("packages_delivered", new PackagesDelivered(
				List.of(new SellerDelivery(34, orderId, 5, 1)), List.of(new ConcludedShipment(34, orderId))));

		ShopSnapshot after = driver.snapshot(notified.tid());
		AuditReport report = Audit.run(before, after, driver.journal());
		System.out.print(report.format());
		assertViolations(report, Map.of(Audit.DELIVERIES_COHERENT, 2L));
		assertThat(report.criterion(Audit.DELIVERIES_COHERENT).examples()).containsExactlyInAnyOrder(
				"order 34/" + orderId + ": order DELIVERED with 0 of 1 packages delivered; entry 5/1 DELIVERED, its "
						+ "package SHIPPED",
				"customer 34: delivery counter rose by 1, delivered packages 0");
		assertThat(Audit.state(after).criterion(Audit.DELIVERIES_COHERENT).violated()).isEqualTo(2);
	}

	/** Asserts that the named criteria found exactly so many violations, and every other criterion none. */
	private static void assertViolations(AuditReport report, Map<String, Long> expected) {
		for (CriterionResult criterion : report.criteria()) {
			assertThat(criterion.violated()).as("%s in%n%s", criterion.name(), report.format())
				.isEqualTo(expected.getOrDefault(criterion.name(), 0L));
		}
	}

	/** Ups the prices of sellers 1 to 3 three times, product by product (not 3/1, which another thread replaces). */
	private static void raisePrices(RecordingDriver driver) {
		for (int round = 1; round <= 3; round++) {
			for (long seller = 1; seller <= 3; seller++) {
				for (long product = 1; product <= PRODUCTS; product++) {
					if (seller != 3 || product != 1) {
						driver.updatePrice(seller, product, price(product).add(BigDecimal.valueOf(round)));
					}
				}
			}
		}
	}

	/**
	 * Customers 1 to 4 hold product 4/3 when it is replaced: their checkouts must fail reservation; added again (the
	 * new version), it sells.
	 */
	private static void checkOutAReplacedProduct(RecordingDriver driver) {
		for (long customer = 1; customer <= 4; customer++) {
			assertThat(driver.add(customer, 4, 3, 1)).isEqualTo(Outcome.COMMITTED);
		}
		assertThat(driver.replaceProduct(4, 3, new BigDecimal("25.00"))).isEqualTo(Outcome.COMMITTED);
		for (long customer = 1; customer <= 4; customer++) {
			assertThat(driver.checkout(customer, GOOD_CARD)).as("checkout of the replaced version").isEqualTo(Outcome.ABORTED);
			assertThat(driver.add(customer, 4, 3, 1)).isEqualTo(Outcome.COMMITTED);
			assertThat(driver.checkout(customer, GOOD_CARD)).isEqualTo(Outcome.COMMITTED);
		}
	}

	/** One customer's session: 1 to 3 lines of sellers 1 to 4 (not 4/3), then a checkout; every sixth card declines. */
	private static void shop(RecordingDriver driver, long customer) {
		Random random = new Random(customer);
		int lines = 1 + random.nextInt(3);
		for (int line = 0; line < lines; line++) {
			long seller = 1 + random.nextInt(WORKLOAD_SELLERS);
			long product = 1 + random.nextInt((seller == 4) ? PRODUCTS - 1 : PRODUCTS);
			driver.add(customer, seller, product, 1 + random.nextInt(4));
		}
		driver.checkout(customer, (customer % 6 == 0) ? DECLINED_CARD : GOOD_CARD);
	}

	private TransactionResult committed(String event, Record payload) {
		return this.context.getBean(VmsClient.class).submit(event, payload).orTimeout(30, TimeUnit.SECONDS).join();
	}

	private static long count(Journal journal, Outcome outcome) {
		return journal.checkouts().stream().map(CheckoutRecord::outcome).filter(outcome::equals).count();
	}

	private static BigDecimal price(long productId) {
		return BigDecimal.valueOf(10 + productId).setScale(2);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
