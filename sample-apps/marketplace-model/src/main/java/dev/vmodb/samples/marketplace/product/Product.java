package dev.vmodb.samples.marketplace.product;

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

import dev.vmodb.samples.marketplace.events.IngestionEvents.IngestProduct;

/**
 * A seller's product. Its {@code version} grows with every replacement; carts and stock carry it so that a replaced
 * product is rejected at reservation.
 */
@Entity
@IdClass(ProductId.class)
@Table(name = "products")
public class Product {

	/** The version a product is ingested with; each replacement adds one. */
	public static final long FIRST_VERSION = 1;

	@Id
	@Column(name = "seller_id")
	private Long sellerId;

	@Id
	@Column(name = "product_id")
	private Long productId;

	@NotBlank
	@Column(name = "name")
	private String name;

	@Column(name = "sku")
	private String sku;

	@Column(name = "category")
	private String category;

	@Column(name = "description")
	private String description;

	@NotNull
	@DecimalMin("0")
	@Column(name = "price")
	private BigDecimal price;

	@NotNull
	@DecimalMin("0")
	@Column(name = "freight_value")
	private BigDecimal freightValue;

	@NotBlank
	@Column(name = "status")
	private String status;

	@Positive
	@Column(name = "version")
	private long version;

	@Column(name = "active")
	private boolean active;

	protected Product() {
	}

	/** A product as ingested: approved, active, version 1. */
	public static Product ingested(IngestProduct event) {
		Product product = new Product();
		product.sellerId = event.sellerId();
		product.productId = event.productId();
		product.name = event.name();
		product.sku = event.sku();
		product.category = event.category();
		product.price = event.price();
		product.freightValue = event.freightValue();
		product.status = "APPROVED";
		product.version = FIRST_VERSION;
		product.active = true;
		return product;
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

	public String getSku() {
		return this.sku;
	}

	public void setSku(String sku) {
		this.sku = sku;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
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

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
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
