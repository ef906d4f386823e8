package dev.vmodb.samples.marketplace.driver.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.audit.Journal.CartLine;
import dev.vmodb.samples.marketplace.audit.Journal.CheckoutRecord;
import dev.vmodb.samples.marketplace.audit.Journal.Outcome;
import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.shop.Answer;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;
import dev.vmodb.samples.marketplace.driver.shop.ShopRequests;

/**
 * The customer checkout: a free customer fills its cart with 1–10 distinct products (quantity 1–10, a 5 % chance of
 * a voucher of 10 % of the line), one add at a time, then checks out. Lines an earlier aborted checkout left in the
 * cart are added again first, so they take the product's current price and version.
 */
final class CustomerCheckout implements Transaction {

	static final String DECLINED_PREFIX = "0000";

	private static final String[] PAYMENT_TYPES = { "CREDIT_CARD", "DEBIT_CARD", "BOLETO" };

	/** Only a card can be declined (a boleto carries no card number), so a declined payment is by card. */
	private static final String[] CARD_TYPES = { "CREDIT_CARD", "DEBIT_CARD" };

	private static final int MAX_LINES = 10;

	private static final int MAX_QUANTITY = 10;

	private static final double VOUCHER_CHANCE = 0.05;

	private static final BigDecimal VOUCHER_SHARE = new BigDecimal("0.10");

	private final ShopClient shop;

	private final Catalogue catalogue;

	private final Measurements measurements;

	private final RunJournal journal;

	private final double declinedShare;

	CustomerCheckout(ShopClient shop, Catalogue catalogue, Measurements measurements, RunJournal journal,
			double declinedShare) {
		this.shop = shop;
		this.catalogue = catalogue;
		this.measurements = measurements;
		this.journal = journal;
		this.declinedShare = declinedShare;
	}

	@Override
	public CompletableFuture<Void> run(RandomGenerator random) {
		CustomerState customer = this.catalogue.claimCustomer(random);
		if (customer == null) {
			return CompletableFuture.completedFuture(null);
		}
		List<PlannedLine> plan = plan(customer, random);
		ShopRequests.Checkout payment = payment(random);
		CompletableFuture<Boolean> filled = CompletableFuture.completedFuture(true);
		for (PlannedLine line : plan) {
			filled = filled.thenCompose((known) -> known ? add(customer, line) : CompletableFuture.completedFuture(false));
		}
		return filled
			.thenCompose((known) -> (known && !customer.cartEmpty()) ? checkout(customer, payment)
					: CompletableFuture.<Void>completedFuture(null))
			.whenComplete((ignored, failure) -> customer.release());
	}

	/** The lines to add: what the cart still holds, then new distinct products up to a drawn size of 1–10. */
	private List<PlannedLine> plan(CustomerState customer, RandomGenerator random) {
		List<PlannedLine> plan = new ArrayList<>();
		for (ProductState kept : customer.productsInCart()) {
			plan.add(new PlannedLine(kept, customer.line(kept).quantity(), BigDecimal.ZERO));
		}
		int wanted = Math.max(0, 1 + random.nextInt(MAX_LINES) - plan.size());
		// hot keys repeat: a bounded number of draws, so a skewed choice cannot keep the slot looking
		int draws = wanted * 4;
		for (int attempt = 0; attempt < draws && wanted > 0; attempt++) {
			ProductState product = this.catalogue.product(random);
			if (customer.holds(product) || plan.stream().anyMatch((line) -> line.product() == product)) {
				continue;
			}
			int quantity = 1 + random.nextInt(MAX_QUANTITY);
			plan.add(new PlannedLine(product, quantity, voucher(product, quantity, random)));
			wanted--;
		}
		return plan;
	}

	/** Mostly none; sometimes 10 % of the line at the price the driver knows, which is never above the shop's. */
	private static BigDecimal voucher(ProductState product, int quantity, RandomGenerator random) {
		if (random.nextDouble() >= VOUCHER_CHANCE) {
			return BigDecimal.ZERO;
		}
		return product.price()
			.multiply(BigDecimal.valueOf(quantity))
			.multiply(VOUCHER_SHARE)
			.setScale(2, RoundingMode.DOWN);
	}

	private ShopRequests.Checkout payment(RandomGenerator random) {
		boolean declined = random.nextDouble() < this.declinedShare;
		String type = declined ? CARD_TYPES[random.nextInt(CARD_TYPES.length)]
				: PAYMENT_TYPES[random.nextInt(PAYMENT_TYPES.length)];
		StringBuilder card = new StringBuilder(declined ? DECLINED_PREFIX : "4");
		while (card.length() < 16) {
			card.append(random.nextInt(10));
		}
		if (!declined && card.toString().startsWith(DECLINED_PREFIX)) {
			card.setCharAt(0, '4');
		}
		return new ShopRequests.Checkout(type, card.toString(), 1);
	}

	/** Adds one line; completes with false when its outcome is unknown (the cart is then no longer known). */
	private CompletableFuture<Boolean> add(CustomerState customer, PlannedLine line) {
		ProductState product = line.product();
		var body = new ShopRequests.CartItem(product.sellerId(), product.productId(), line.quantity(), line.voucher());
		return this.shop.send("PATCH", "/cart/" + customer.id() + "/add", body).thenApply((answer) -> {
			this.measurements.record(TransactionType.ADD_TO_CART, answer);
			switch (answer.outcome()) {
				case COMMITTED -> customer.added(product,
						new CartLine(product.sellerId(), product.productId(), line.quantity(), answer.at()));
				// an aborted add changes nothing: an earlier line of the product stays as it was
				case ABORTED -> {
				}
				case UNKNOWN -> {
					customer.retire();
					return false;
				}
			}
			return true;
		});
	}

	private CompletableFuture<Void> checkout(CustomerState customer, ShopRequests.Checkout payment) {
		List<CartLine> lines = customer.lines();
		return this.shop.send("POST", "/cart/" + customer.id() + "/checkout", payment).thenAccept((answer) -> {
			this.measurements.record(TransactionType.CHECKOUT, answer);
			Outcome outcome = answer.outcome();
			long orderId = -1;
			switch (outcome) {
				case COMMITTED -> {
					orderId = orderId(answer);
					customer.checkedOut();
				}
				// the shop keeps the items: the next checkout of this customer adds them again
				case ABORTED -> {
				}
				case UNKNOWN -> customer.retire();
			}
			this.journal.checkout(new CheckoutRecord(customer.id(), answer.at(), outcome, orderId, lines));
		});
	}

	private static long orderId(Answer answer) {
		var orderId = answer.json().path("output").path("checkout_completed").path("orderId");
		return orderId.isNumber() ? orderId.asLong() : -1;
	}

	private record PlannedLine(ProductState product, int quantity, BigDecimal voucher) {
	}

}
