package dev.vmodb.samples.marketplace.order;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link Order}.
 */
public class OrderId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long customerId;

	private Long orderId;

	protected OrderId() {
	}

	public OrderId(Long customerId, Long orderId) {
		this.customerId = customerId;
		this.orderId = orderId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof OrderId that) && Objects.equals(this.customerId, that.customerId)
				&& Objects.equals(this.orderId, that.orderId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.orderId);
	}

	@Override
	public String toString() {
		return this.customerId + "/" + this.orderId;
	}

}
