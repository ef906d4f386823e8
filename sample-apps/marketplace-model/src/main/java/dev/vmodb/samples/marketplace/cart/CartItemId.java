package dev.vmodb.samples.marketplace.cart;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link CartItem}.
 */
public class CartItemId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long customerId;

	private Long sellerId;

	private Long productId;

	protected CartItemId() {
	}

	public CartItemId(Long customerId, Long sellerId, Long productId) {
		this.customerId = customerId;
		this.sellerId = sellerId;
		this.productId = productId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof CartItemId that) && Objects.equals(this.customerId, that.customerId)
				&& Objects.equals(this.sellerId, that.sellerId)
				&& Objects.equals(this.productId, that.productId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.sellerId, this.productId);
	}

	@Override
	public String toString() {
		return this.customerId + "/" + this.sellerId + "/" + this.productId;
	}

}
