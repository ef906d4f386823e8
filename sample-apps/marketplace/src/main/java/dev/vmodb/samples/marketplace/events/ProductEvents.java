package dev.vmodb.samples.marketplace.events;

import java.math.BigDecimal;

/**
 * A new product and the seller's changes to a product.
 *
 * <p>{@code ingest_product} starts at product and emits {@code product_ingested} to stock (the stock item) and cart
 * (the product replica). {@code update_price} starts at product and emits {@code price_updated} to cart (replica and open cart items of
 * the same version). {@code update_product} replaces a product by a new version and emits {@code product_updated} to
 * stock (which takes the new version, so carts holding the old one fail reservation) and cart (replica upsert).
 */
public final class ProductEvents {

	private ProductEvents() {
	}

	/** Product stored the product: stock creates the item, cart the replica. */
	public record ProductIngested(long sellerId, long productId, String name, BigDecimal price,
			BigDecimal freightValue, long version, int qtyAvailable) {
	}

	/** Sets a product's price; its version stays. */
	public record UpdatePrice(long sellerId, long productId, BigDecimal price) {
	}

	/** The product's price changed at the given version. */
	public record PriceUpdated(long sellerId, long productId, BigDecimal price, long version) {
	}

	/** Replaces a product by a new version with these attributes. */
	public record UpdateProduct(long sellerId, long productId, String name, String sku, String category,
			BigDecimal price, BigDecimal freightValue) {
	}

	/** The product now has this version and these attributes. */
	public record ProductUpdated(long sellerId, long productId, String name, BigDecimal price,
			BigDecimal freightValue, long version) {
	}

}
