package dev.vmodb.samples.marketplace.events;

import java.math.BigDecimal;

/**
 * One cart line as it travels through a checkout, priced as the cart holds it: what order, seller and shipment make
 * their rows of.
 */
public record CheckoutItem(long sellerId, long productId, String productName, BigDecimal unitPrice,
		BigDecimal freightValue, int quantity, BigDecimal voucher, long version) {

	/** Price times quantity, before the voucher. */
	public BigDecimal totalItems() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

	/** What the customer pays for the line: items less voucher, plus freight. */
	public BigDecimal totalAmount() {
		return totalItems().subtract(this.voucher).add(this.freightValue);
	}

}
