package dev.vmodb.samples.marketplace.driver.workload;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;

/**
 * The benchmark's transactions over one catalogue, recording into one set of measurements and one journal.
 */
public final class Workload {

	private final Map<TransactionType, Transaction> transactions = new EnumMap<>(TransactionType.class);

	public Workload(ShopClient shop, Catalogue catalogue, Measurements measurements, RunJournal journal,
			double declinedShare) {
		this.transactions.put(TransactionType.CHECKOUT,
				new CustomerCheckout(shop, catalogue, measurements, journal, declinedShare));
		this.transactions.put(TransactionType.PRICE_UPDATE,
				new ProductChange(shop, catalogue, measurements, journal, false));
		this.transactions.put(TransactionType.PRODUCT_UPDATE,
				new ProductChange(shop, catalogue, measurements, journal, true));
		this.transactions.put(TransactionType.DASHBOARD, new DashboardRead(shop, catalogue, measurements, journal));
		this.transactions.put(TransactionType.DELIVERY, new DeliveryUpdate(shop, catalogue, measurements));
	}

	/**
	 * Runs one transaction of a type the mix chooses.
	 * @param type a mixed type (not {@code add_to_cart}, which runs inside a checkout)
	 * @param random the slot's random source
	 * @return completes when the transaction was answered and recorded
	 */
	CompletableFuture<Void> run(TransactionType type, RandomGenerator random) {
		Transaction transaction = this.transactions.get(type);
		if (transaction == null) {
			throw new IllegalArgumentException(type.label() + " is not chosen by a mix");
		}
		return transaction.run(random);
	}

}
