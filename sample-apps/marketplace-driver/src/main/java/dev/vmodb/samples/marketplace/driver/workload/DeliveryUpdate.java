package dev.vmodb.samples.marketplace.driver.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

import dev.vmodb.samples.marketplace.driver.TransactionType;
import dev.vmodb.samples.marketplace.driver.report.Measurements;
import dev.vmodb.samples.marketplace.driver.shop.ShopClient;
import dev.vmodb.samples.marketplace.driver.shop.ShopRequests;

/**
 * The delivery update: 1–10 distinct sellers, chosen like every seller, have their oldest open shipment delivered.
 * The audit judges deliveries from the state alone, so they are not journaled.
 */
final class DeliveryUpdate implements Transaction {

	private static final int MAX_SELLERS = 10;

	private final ShopClient shop;

	private final Catalogue catalogue;

	private final Measurements measurements;

	DeliveryUpdate(ShopClient shop, Catalogue catalogue, Measurements measurements) {
		this.shop = shop;
		this.catalogue = catalogue;
		this.measurements = measurements;
	}

	@Override
	public CompletableFuture<Void> run(RandomGenerator random) {
		int wanted = 1 + random.nextInt(Math.min(MAX_SELLERS, this.catalogue.sellerCount()));
		List<Long> sellers = new ArrayList<>();
		// a skewed choice repeats the hot sellers: draw a bounded number of times and take the distinct ones
		for (int attempt = 0; attempt < wanted * 4 && sellers.size() < wanted; attempt++) {
			long seller = this.catalogue.seller(random);
			if (!sellers.contains(seller)) {
				sellers.add(seller);
			}
		}
		return this.shop.send("PATCH", "/shipment/delivery", new ShopRequests.Delivery(sellers))
			.thenAccept((answer) -> this.measurements.record(TransactionType.DELIVERY, answer));
	}

}
