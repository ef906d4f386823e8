package dev.vmodb.samples.baseline.events;

import java.math.BigDecimal;

/**
 * A new product and the seller's changes to a product, from product to stock and cart (a new product or version) and
 * to cart (price).
 */
public final class ProductEvents {

	private ProductEvents() {
	}

	/** Product stored the product: stock creates the item, cart the replica. */
	public record ProductIngested(String requestId, long sellerId, long productId, String name, BigDecimal price,
			BigDecimal freightValue, long version, int qtyAvailable) {
	}

	/** The product's price changed at the given version. */
	public record PriceUpdated(String requestId, long sellerId, long productId, BigDecimal price, long version) {
	}

	/** The product now has this version and these attributes. */
	public record ProductUpdated(String requestId, long sellerId, long productId, String name, BigDecimal price,
			BigDecimal freightValue, long version) {
	}

}
