package dev.vmodb.jpa.repository.sample;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The {@code @EmbeddedId} of {@link StockItem}.
 */
@Embeddable
public class StockId implements Serializable {

	private static final long serialVersionUID = 1L;

	@Column(name = "seller_id")
	private Long sellerId;

	@Column(name = "product_id")
	private Long productId;

	protected StockId() {
	}

	public StockId(Long sellerId, Long productId) {
		this.sellerId = sellerId;
		this.productId = productId;
	}

	public Long getSellerId() {
		return this.sellerId;
	}

	public Long getProductId() {
		return this.productId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof StockId that) && Objects.equals(this.sellerId, that.sellerId)
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
