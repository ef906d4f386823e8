package dev.vmodb.samples.marketplace.order;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link OrderItem}.
 */
public class OrderItemId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long customerId;

	private Long orderId;

	private Long orderItemId;

	protected OrderItemId() {
	}

	public OrderItemId(Long customerId, Long orderId, Long orderItemId) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.orderItemId = orderItemId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof OrderItemId that) && Objects.equals(this.customerId, that.customerId)
				&& Objects.equals(this.orderId, that.orderId)
				&& Objects.equals(this.orderItemId, that.orderItemId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.orderId, this.orderItemId);
	}

	@Override
	public String toString() {
		return this.customerId + "/" + this.orderId + "/" + this.orderItemId;
	}

}
