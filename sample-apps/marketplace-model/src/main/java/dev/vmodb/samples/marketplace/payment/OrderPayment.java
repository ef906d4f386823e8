package dev.vmodb.samples.marketplace.payment;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import dev.vmodb.samples.marketplace.events.PaymentType;

/**
 * A payment of an order; {@code sequential} numbers an order's payments.
 */
@Entity
@IdClass(OrderPaymentId.class)
@Table(name = "order_payments")
public class OrderPayment {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@Id
	@Column(name = "sequential")
	private Integer sequential;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "type")
	private PaymentType type;

	@Positive
	@Column(name = "installments")
	private int installments;

	@NotNull
	@Column(name = "amount")
	private BigDecimal amount;

	protected OrderPayment() {
	}

	public OrderPayment(Long customerId, Long orderId, Integer sequential, PaymentType type, int installments, BigDecimal amount) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.sequential = sequential;
		this.type = type;
		this.installments = installments;
		this.amount = amount;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public Integer getSequential() {
		return this.sequential;
	}

	public PaymentType getType() {
		return this.type;
	}

	public void setType(PaymentType type) {
		this.type = type;
	}

	public int getInstallments() {
		return this.installments;
	}

	public void setInstallments(int installments) {
		this.installments = installments;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

}
