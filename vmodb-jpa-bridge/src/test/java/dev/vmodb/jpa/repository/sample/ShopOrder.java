package dev.vmodb.jpa.repository.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An order with a single-column id and two secondary indexes, one of them composite.
 */
@Entity
@Table(name = "shop_orders", indexes = { @Index(name = "shop_orders_seller_idx", columnList = "seller_id"),
		@Index(name = "shop_orders_seller_status_idx", columnList = "seller_id, status") })
public class ShopOrder {

	@Id
	private Long id;

	@Column(name = "seller_id", nullable = false)
	private Long sellerId;

	@Column(name = "customer_id", nullable = false)
	private Long customerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private OrderStatus status;

	@Column(precision = 12, scale = 2)
	private BigDecimal price;

	@PositiveOrZero
	private int quantity;

	private String note;

	private boolean express;

	@Column(name = "created_on")
	private LocalDate createdOn;

	protected ShopOrder() {
	}

	public ShopOrder(Long id, Long sellerId, Long customerId, OrderStatus status, BigDecimal price, int quantity,
			String note, boolean express, LocalDate createdOn) {
		this.id = id;
		this.sellerId = sellerId;
		this.customerId = customerId;
		this.status = status;
		this.price = price;
		this.quantity = quantity;
		this.note = note;
		this.express = express;
		this.createdOn = createdOn;
	}

	public Long getId() {
		return this.id;
	}

	public Long getSellerId() {
		return this.sellerId;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public void setStatus(OrderStatus status) {
		this.status = status;
	}

	public BigDecimal getPrice() {
		return this.price;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public String getNote() {
		return this.note;
	}

	public boolean isExpress() {
		return this.express;
	}

	public LocalDate getCreatedOn() {
		return this.createdOn;
	}

	@Override
	public String toString() {
		return "ShopOrder[" + this.id + ", seller " + this.sellerId + ", customer " + this.customerId + ", "
				+ this.status + ", " + this.price + " x " + this.quantity + "]";
	}

}
