package dev.vmodb.samples.marketplace.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Positive;

/**
 * The next order id of a customer: order ids are per customer.
 */
@Entity
@Table(name = "customer_orders")
public class CustomerOrder {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Positive
	@Column(name = "next_order_id")
	private long nextOrderId;

	protected CustomerOrder() {
	}

	public CustomerOrder(Long customerId, long nextOrderId) {
		this.customerId = customerId;
		this.nextOrderId = nextOrderId;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public long getNextOrderId() {
		return this.nextOrderId;
	}

	public void setNextOrderId(long nextOrderId) {
		this.nextOrderId = nextOrderId;
	}

}
