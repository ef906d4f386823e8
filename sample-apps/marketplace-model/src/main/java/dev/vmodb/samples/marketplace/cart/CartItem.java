package dev.vmodb.samples.marketplace.cart;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A line of a cart, at the price and product version of the replica when it was added (the price follows price
 * updates of that version).
 */
@Entity
@IdClass(CartItemId.class)
// customer: checkout reads and deletes a customer's lines; product: a price update reprices the lines of a product
@Table(name = "cart_items", indexes = { @Index(name = "cart_items_by_customer_id", columnList = "customer_id"),
		@Index(name = "cart_items_by_product_id", columnList = "product_id") })
public class CartItem {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "seller_id")
	private Long sellerId;

	@Id
	@Column(name = "product_id")
	private Long productId;

	@NotBlank
	@Column(name = "product_name")
	private String productName;

	@NotNull
	@DecimalMin("0")
	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	@NotNull
	@DecimalMin("0")
	@Column(name = "freight_value")
	private BigDecimal freightValue;

	@Positive
	@Column(name = "quantity")
	private int quantity;

	@NotNull
	@DecimalMin("0")
	@Column(name = "voucher")
	private BigDecimal voucher;

	@Positive
	@Column(name = "version")
	private long version;

	protected CartItem() {
	}

	public CartItem(Long customerId, Long sellerId, Long productId, String productName, BigDecimal unitPrice, BigDecimal freightValue, int quantity, BigDecimal voucher, long version) {
		this.customerId = customerId;
		this.sellerId = sellerId;
		this.productId = productId;
		this.productName = productName;
		this.unitPrice = unitPrice;
		this.freightValue = freightValue;
		this.quantity = quantity;
		this.voucher = voucher;
		this.version = version;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getSellerId() {
		return this.sellerId;
	}

	public Long getProductId() {
		return this.productId;
	}

	public String getProductName() {
		return this.productName;
	}

	public void setProductName(String productName) {
		this.productName = productName;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public void setUnitPrice(BigDecimal unitPrice) {
		this.unitPrice = unitPrice;
	}

	public BigDecimal getFreightValue() {
		return this.freightValue;
	}

	public void setFreightValue(BigDecimal freightValue) {
		this.freightValue = freightValue;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public BigDecimal getVoucher() {
		return this.voucher;
	}

	public void setVoucher(BigDecimal voucher) {
		this.voucher = voucher;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
