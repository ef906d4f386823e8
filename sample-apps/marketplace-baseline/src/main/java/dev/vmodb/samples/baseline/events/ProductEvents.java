package dev.vmodb.samples.baseline.events;

import java.math.BigDecimal;

/**
 * The seller's changes to a product, from product to cart (price) and to stock and cart (a new version).
 */
public final class ProductEvents {

	private ProductEvents() {
	}

	/** The product's price changed at the given version. */
	public record PriceUpdated(String requestId, long sellerId, long productId, BigDecimal price, long version) {
	}

	/** The product now has this version and these attributes. */
	public record ProductUpdated(String requestId, long sellerId, long productId, String name, BigDecimal price,
			BigDecimal freightValue, long version) {
	}

}
