package dev.vmodb.samples.baseline.events;

import java.util.List;

/**
 * The Kafka topics: one per event type, keyed by the entity whose order matters (a customer for the checkout, a
 * product for catalogue changes), so events of one key are handled in the order they were published.
 */
public final class Topics {

	public static final String PRODUCT_INGESTED = "product-ingested";

	public static final String RESERVE_STOCK = "reserve-stock";

	public static final String STOCK_CONFIRMED = "stock-confirmed";

	public static final String RESERVE_STOCK_FAILED = "reserve-stock-failed";

	public static final String INVOICE_ISSUED = "invoice-issued";

	public static final String PAYMENT_CONFIRMED = "payment-confirmed";

	public static final String PAYMENT_FAILED = "payment-failed";

	public static final String PRICE_UPDATED = "price-updated";

	public static final String PRODUCT_UPDATED = "product-updated";

	public static final String PACKAGES_DELIVERED = "packages-delivered";

	/** Where a request's last handlers report its outcome to the HTTP side. */
	public static final String RESULTS = "request-results";

	public static final List<String> ALL = List.of(PRODUCT_INGESTED, RESERVE_STOCK, STOCK_CONFIRMED, RESERVE_STOCK_FAILED,
			INVOICE_ISSUED, PAYMENT_CONFIRMED, PAYMENT_FAILED, PRICE_UPDATED, PRODUCT_UPDATED, PACKAGES_DELIVERED, RESULTS);

	private Topics() {
	}

}
