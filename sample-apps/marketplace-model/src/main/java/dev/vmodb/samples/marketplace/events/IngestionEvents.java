package dev.vmodb.samples.marketplace.events;

import java.math.BigDecimal;

/**
 * The events that load the shop's data set, one per kind of row: what {@link
 * dev.vmodb.samples.marketplace.data.DataGenerator} generates and the ingestion requests carry.
 *
 * <p>A seller is ingested by seller, a customer by customer; a product starts at product, which spreads it to stock
 * (the stock item) and cart (the product replica).
 */
public final class IngestionEvents {

	private IngestionEvents() {
	}

	/** A new seller. */
	public record IngestSeller(long sellerId, String name, String city) {
	}

	/** A new customer, with zeroed counters. */
	public record IngestCustomer(long customerId, String firstName, String lastName, String city) {
	}

	/** A new product of a seller with its initial stock; its version is 1. */
	public record IngestProduct(long sellerId, long productId, String name, String sku, String category,
			BigDecimal price, BigDecimal freightValue, int qtyAvailable) {
	}

}
