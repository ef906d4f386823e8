package dev.vmodb.samples.marketplace.driver.shop;

import java.math.BigDecimal;
import java.util.List;

/**
 * The request bodies of the shop's API (its README), as the driver sends them.
 */
public final class ShopRequests {

	private ShopRequests() {
	}

	/** {@code PATCH /cart/{customerId}/add}. */
	public record CartItem(long sellerId, long productId, int quantity, BigDecimal voucher) {
	}

	/** {@code POST /cart/{customerId}/checkout}. */
	public record Checkout(String paymentType, String cardNumber, int installments) {
	}

	/** {@code PATCH /product}. */
	public record PriceUpdate(long sellerId, long productId, BigDecimal price) {
	}

	/** {@code PUT /product}: the whole product, a new version. */
	public record ProductUpdate(long sellerId, long productId, String name, String sku, String category,
			BigDecimal price, BigDecimal freightValue) {
	}

	/** {@code PATCH /shipment/delivery}. */
	public record Delivery(List<Long> sellerIds) {
	}

}
