package dev.vmodb.jpa.repository.integrity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A parent row: referenced by {@link Purchase}, references nothing.
 */
@Entity
@Table(name = "fk_customers")
public class Customer {

	@Id
	private Long id;

	private String name;

	protected Customer() {
	}

	public Customer(Long id, String name) {
		this.id = id;
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
