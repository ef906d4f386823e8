package dev.vmodb.samples.baseline.events;

import java.math.BigDecimal;

/**
 * The event that spreads a new product from product to stock (the stock item) and cart (the product replica).
 */
public final class IngestionEvents {

	private IngestionEvents() {
	}

	/** Product stored the product: stock creates the item, cart the replica. */
	public record ProductIngested(String requestId, long sellerId, long productId, String name, BigDecimal price,
			BigDecimal freightValue, long version, int qtyAvailable) {
	}

}
