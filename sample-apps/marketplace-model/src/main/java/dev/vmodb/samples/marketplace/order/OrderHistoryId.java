package dev.vmodb.samples.marketplace.order;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link OrderHistory}.
 */
public class OrderHistoryId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long customerId;

	private Long orderId;

	private String status;

	protected OrderHistoryId() {
	}

	public OrderHistoryId(Long customerId, Long orderId, String status) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.status = status;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof OrderHistoryId that) && Objects.equals(this.customerId, that.customerId)
				&& Objects.equals(this.orderId, that.orderId)
				&& Objects.equals(this.status, that.status);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.orderId, this.status);
	}

	@Override
	public String toString() {
		return this.customerId + "/" + this.orderId + "/" + this.status;
	}

}
