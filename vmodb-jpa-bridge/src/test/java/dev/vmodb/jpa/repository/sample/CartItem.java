package dev.vmodb.jpa.repository.sample;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Positive;

/**
 * A cart line with a three-column {@code @IdClass} key and an index on one of the key columns.
 */
@Entity
@IdClass(CartItemId.class)
@Table(name = "cart_items", indexes = @Index(name = "cart_items_seller_idx", columnList = "seller_id"))
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

	@Positive
	private int quantity;

	@Column(name = "unit_price", precision = 12, scale = 2)
	private BigDecimal unitPrice;

	protected CartItem() {
	}

	public CartItem(Long customerId, Long sellerId, Long productId, int quantity, BigDecimal unitPrice) {
		this.customerId = customerId;
		this.sellerId = sellerId;
		this.productId = productId;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
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

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public CartItemId id() {
		return new CartItemId(this.customerId, this.sellerId, this.productId);
	}

}
