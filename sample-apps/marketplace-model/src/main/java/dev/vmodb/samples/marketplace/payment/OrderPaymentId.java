package dev.vmodb.samples.marketplace.payment;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link OrderPayment}.
 */
public class OrderPaymentId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long customerId;

	private Long orderId;

	private Integer sequential;

	protected OrderPaymentId() {
	}

	public OrderPaymentId(Long customerId, Long orderId, Integer sequential) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.sequential = sequential;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof OrderPaymentId that) && Objects.equals(this.customerId, that.customerId)
				&& Objects.equals(this.orderId, that.orderId)
				&& Objects.equals(this.sequential, that.sequential);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.orderId, this.sequential);
	}

	@Override
	public String toString() {
		return this.customerId + "/" + this.orderId + "/" + this.sequential;
	}

}
