package dev.vmodb.samples.marketplace.seller;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

/**
 * A seller of the shop.
 */
@Entity
@Table(name = "sellers")
public class Seller {

	@Id
	@Column(name = "id")
	private Long id;

	@NotBlank
	@Column(name = "name")
	private String name;

	@Column(name = "city")
	private String city;

	protected Seller() {
	}

	public Seller(Long id, String name, String city) {
		this.id = id;
		this.name = name;
		this.city = city;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

}
