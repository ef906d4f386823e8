package dev.vmodb.samples.marketplace.cart;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Cart's copy of a product, fed by product's events; add to cart takes price and version from it.
 */
@Entity
@IdClass(ReplicaProductId.class)
@Table(name = "replica_products")
public class ReplicaProduct {

	@Id
	@Column(name = "seller_id")
	private Long sellerId;

	@Id
	@Column(name = "product_id")
	private Long productId;

	@NotBlank
	@Column(name = "name")
	private String name;

	@NotNull
	@DecimalMin("0")
	@Column(name = "price")
	private BigDecimal price;

	@NotNull
	@DecimalMin("0")
	@Column(name = "freight_value")
	private BigDecimal freightValue;

	@Positive
	@Column(name = "version")
	private long version;

	@Column(name = "active")
	private boolean active;

	protected ReplicaProduct() {
	}

	public ReplicaProduct(Long sellerId, Long productId, String name, BigDecimal price, BigDecimal freightValue, long version, boolean active) {
		this.sellerId = sellerId;
		this.productId = productId;
		this.name = name;
		this.price = price;
		this.freightValue = freightValue;
		this.version = version;
		this.active = active;
	}

	public Long getSellerId() {
		return this.sellerId;
	}

	public Long getProductId() {
		return this.productId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public BigDecimal getFreightValue() {
		return this.freightValue;
	}

	public void setFreightValue(BigDecimal freightValue) {
		this.freightValue = freightValue;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

}
