package dev.vmodb.samples.marketplace.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

/**
 * A customer's cart; created with the first item, emptied by checkout.
 */
@Entity
@Table(name = "carts")
public class Cart {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@NotBlank
	@Column(name = "status")
	private String status;

	protected Cart() {
	}

	public Cart(Long customerId, String status) {
		this.customerId = customerId;
		this.status = status;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

}
