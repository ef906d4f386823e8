package dev.vmodb.samples.marketplace.cart;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link ReplicaProduct}.
 */
public class ReplicaProductId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long sellerId;

	private Long productId;

	protected ReplicaProductId() {
	}

	public ReplicaProductId(Long sellerId, Long productId) {
		this.sellerId = sellerId;
		this.productId = productId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ReplicaProductId that) && Objects.equals(this.sellerId, that.sellerId)
				&& Objects.equals(this.productId, that.productId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.sellerId, this.productId);
	}

	@Override
	public String toString() {
		return this.sellerId + "/" + this.productId;
	}

}
