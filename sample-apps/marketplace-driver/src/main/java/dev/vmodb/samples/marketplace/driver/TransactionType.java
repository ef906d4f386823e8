package dev.vmodb.samples.marketplace.driver;

/**
 * The transactions the driver runs and measures. Adding to the cart is part of a checkout, so it is not chosen by
 * the mix, but it is measured on its own: a checkout's latency is that of its checkout request alone.
 */
public enum TransactionType {

	/** {@code POST /cart/{customerId}/checkout} after filling the cart. */
	CHECKOUT("checkout"),

	/** {@code PATCH /cart/{customerId}/add}, one per cart line of a checkout. */
	ADD_TO_CART("add_to_cart"),

	/** {@code PATCH /product}: a price raised by 1–9 %. */
	PRICE_UPDATE("price_update"),

	/** {@code PUT /product}: a product replaced by a new version. */
	PRODUCT_UPDATE("product_update"),

	/** {@code GET /seller/dashboard/{sellerId}}: a read, not a transaction of the shop. */
	DASHBOARD("dashboard"),

	/** {@code PATCH /shipment/delivery}: the oldest open shipment of up to ten sellers delivered. */
	DELIVERY("delivery");

	private final String label;

	TransactionType(String label) {
		this.label = label;
	}

	/** The name used in the mix, the reports and the JSON. */
	public String label() {
		return this.label;
	}

	/** Whether the mix chooses this type (adds to cart only run inside a checkout). */
	public boolean mixed() {
		return this != ADD_TO_CART;
	}

}
