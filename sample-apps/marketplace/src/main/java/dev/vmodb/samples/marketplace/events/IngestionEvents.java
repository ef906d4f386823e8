package dev.vmodb.samples.marketplace.events;

import java.math.BigDecimal;

/**
 * The events that load the shop's data set: one input event per kind of row.
 *
 * <p>{@code ingest_seller} runs in seller, {@code ingest_customer} in customer; {@code ingest_product} starts at
 * product, whose {@code product_ingested} fans out to stock (the stock item) and cart (the product replica).
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

	/** Product stored the product: stock creates the item, cart the replica. */
	public record ProductIngested(long sellerId, long productId, String name, BigDecimal price,
			BigDecimal freightValue, long version, int qtyAvailable) {
	}

}
