package dev.vmodb.samples.marketplace.driver.workload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.audit.Journal.PriceChangeRecord;
import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;
import dev.vmodb.samples.marketplace.driver.shop.ShopRequests;

/**
 * A seller raises a product's price by 1–9 %: as a price update ({@code PATCH /product}) or as a replacement with a
 * new version ({@code PUT /product}). One change of a product at a time, so the driver always knows the price it
 * raises from, and prices only go up (the audit's causality check relies on that).
 */
final class ProductChange implements Transaction {

	private static final String[] CATEGORIES = { "books", "electronics", "garden", "health", "home", "sports", "toys" };

	private final ShopClient shop;

	private final Catalogue catalogue;

	private final Measurements measurements;

	private final RunJournal journal;

	private final boolean replacement;

	/**
	 * @param replacement true for the product update (a new version), false for the price update
	 */
	ProductChange(ShopClient shop, Catalogue catalogue, Measurements measurements, RunJournal journal,
			boolean replacement) {
		this.shop = shop;
		this.catalogue = catalogue;
		this.measurements = measurements;
		this.journal = journal;
		this.replacement = replacement;
	}

	@Override
	public CompletableFuture<Void> run(RandomGenerator random) {
		ProductState product = this.catalogue.claimProductToChange(random);
		if (product == null) {
			return CompletableFuture.completedFuture(null);
		}
		BigDecimal price = raised(product.price(), random);
		TransactionType type = this.replacement ? TransactionType.PRODUCT_UPDATE : TransactionType.PRICE_UPDATE;
		return this.shop.send(this.replacement ? "PUT" : "PATCH", "/product", body(product, price))
			.thenAccept((answer) -> {
				this.measurements.record(type, answer);
				this.journal.priceChange(new PriceChangeRecord(product.sellerId(), product.productId(), price,
						this.replacement, answer.at(), answer.outcome()));
				switch (answer.outcome()) {
					case COMMITTED -> product.changed(price, this.replacement);
					case ABORTED -> {
					}
					case UNKNOWN -> product.markUncertain();
				}
			})
			.whenComplete((ignored, failure) -> product.release());
	}

	/** The price times 1.01–1.09, in cents, and at least a cent more. */
	static BigDecimal raised(BigDecimal price, RandomGenerator random) {
		BigDecimal factor = BigDecimal.valueOf(1.01 + random.nextDouble() * 0.08);
		BigDecimal raised = price.multiply(factor).setScale(2, RoundingMode.HALF_UP);
		BigDecimal cent = new BigDecimal("0.01");
		return (raised.compareTo(price.add(cent)) < 0) ? price.add(cent).setScale(2, RoundingMode.UP) : raised;
	}

	private Object body(ProductState product, BigDecimal price) {
		if (!this.replacement) {
			return new ShopRequests.PriceUpdate(product.sellerId(), product.productId(), price);
		}
		// the snapshot holds no name, sku, category or freight, so the replacement gets plausible new ones
		long version = product.version() + 1;
		String category = CATEGORIES[(int) ((product.sellerId() * 31 + product.productId()) % CATEGORIES.length)];
		BigDecimal freight = BigDecimal.valueOf(100 + (product.productId() % 5) * 50, 2);
		return new ShopRequests.ProductUpdate(product.sellerId(), product.productId(),
				"product " + product.productId() + " v" + version,
				"sku-" + product.sellerId() + "-" + product.productId() + "-v" + version, category, price, freight);
	}

}
