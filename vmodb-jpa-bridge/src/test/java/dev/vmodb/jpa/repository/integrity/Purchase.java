package dev.vmodb.jpa.repository.integrity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import dev.vmodb.core.api.References;

/**
 * A child of {@link Customer} through an optional reference over a declared index, and the parent of
 * {@link PurchaseLine}.
 */
@Entity
@Table(name = "fk_purchases", indexes = @Index(name = "fk_purchases_customer_idx", columnList = "customer_id"))
public class Purchase {

	@Id
	private Long id;

	@References(Customer.class)
	@Column(name = "customer_id")
	private Long customerId;

	protected Purchase() {
	}

	public Purchase(Long id, Long customerId) {
		this.id = id;
		this.customerId = customerId;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public void setCustomerId(Long customerId) {
		this.customerId = customerId;
	}

}
