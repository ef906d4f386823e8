package dev.vmodb.samples.marketplace.stock;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link StockItem}.
 */
public class StockItemId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long sellerId;

	private Long productId;

	protected StockItemId() {
	}

	public StockItemId(Long sellerId, Long productId) {
		this.sellerId = sellerId;
		this.productId = productId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof StockItemId that) && Objects.equals(this.sellerId, that.sellerId)
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
