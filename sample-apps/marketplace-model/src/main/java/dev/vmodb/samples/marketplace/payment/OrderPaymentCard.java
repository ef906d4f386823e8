package dev.vmodb.samples.marketplace.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

/**
 * The card a card payment used.
 */
@Entity
@IdClass(OrderPaymentCardId.class)
@Table(name = "order_payment_cards")
public class OrderPaymentCard {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@Id
	@Column(name = "sequential")
	private Integer sequential;

	@NotBlank
	@Column(name = "card_number")
	private String cardNumber;

	@Column(name = "brand")
	private String brand;

	protected OrderPaymentCard() {
	}

	public OrderPaymentCard(Long customerId, Long orderId, Integer sequential, String cardNumber, String brand) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.sequential = sequential;
		this.cardNumber = cardNumber;
		this.brand = brand;
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

	public String getCardNumber() {
		return this.cardNumber;
	}

	public void setCardNumber(String cardNumber) {
		this.cardNumber = cardNumber;
	}

	public String getBrand() {
		return this.brand;
	}

	public void setBrand(String brand) {
		this.brand = brand;
	}

}
