package dev.vmodb.samples.marketplace.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

/**
 * One status an order went through, once per status.
 */
@Entity
@IdClass(OrderHistoryId.class)
@Table(name = "order_history")
public class OrderHistory {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@Id
	@Column(name = "status")
	private String status;

	@NotNull
	@Column(name = "created_at")
	private Instant createdAt;

	protected OrderHistory() {
	}

	public OrderHistory(Long customerId, Long orderId, String status, Instant createdAt) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.status = status;
		this.createdAt = createdAt;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public String getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

}
