package dev.vmodb.samples.marketplace.seller;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link OrderEntry}.
 */
public class OrderEntryId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long customerId;

	private Long orderId;

	private Long sellerId;

	private Long productId;

	protected OrderEntryId() {
	}

	public OrderEntryId(Long customerId, Long orderId, Long sellerId, Long productId) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.sellerId = sellerId;
		this.productId = productId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof OrderEntryId that) && Objects.equals(this.customerId, that.customerId)
				&& Objects.equals(this.orderId, that.orderId)
				&& Objects.equals(this.sellerId, that.sellerId)
				&& Objects.equals(this.productId, that.productId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.orderId, this.sellerId, this.productId);
	}

	@Override
	public String toString() {
		return this.customerId + "/" + this.orderId + "/" + this.sellerId + "/" + this.productId;
	}

}
