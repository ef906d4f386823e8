package dev.vmodb.samples.marketplace.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A customer and the counters the checkout and delivery keep.
 */
@Entity
@Table(name = "customers")
public class Customer {

	@Id
	@Column(name = "id")
	private Long id;

	@NotBlank
	@Column(name = "first_name")
	private String firstName;

	@NotBlank
	@Column(name = "last_name")
	private String lastName;

	@Column(name = "city")
	private String city;

	@PositiveOrZero
	@Column(name = "success_payment_count")
	private int successPaymentCount;

	@PositiveOrZero
	@Column(name = "failed_payment_count")
	private int failedPaymentCount;

	@PositiveOrZero
	@Column(name = "delivery_count")
	private int deliveryCount;

	protected Customer() {
	}

	public Customer(Long id, String firstName, String lastName, String city, int successPaymentCount, int failedPaymentCount, int deliveryCount) {
		this.id = id;
		this.firstName = firstName;
		this.lastName = lastName;
		this.city = city;
		this.successPaymentCount = successPaymentCount;
		this.failedPaymentCount = failedPaymentCount;
		this.deliveryCount = deliveryCount;
	}

	public Long getId() {
		return this.id;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public int getSuccessPaymentCount() {
		return this.successPaymentCount;
	}

	public void setSuccessPaymentCount(int successPaymentCount) {
		this.successPaymentCount = successPaymentCount;
	}

	public int getFailedPaymentCount() {
		return this.failedPaymentCount;
	}

	public void setFailedPaymentCount(int failedPaymentCount) {
		this.failedPaymentCount = failedPaymentCount;
	}

	public int getDeliveryCount() {
		return this.deliveryCount;
	}

	public void setDeliveryCount(int deliveryCount) {
		this.deliveryCount = deliveryCount;
	}

}
