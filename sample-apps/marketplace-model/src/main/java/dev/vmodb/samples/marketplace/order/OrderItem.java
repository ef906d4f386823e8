package dev.vmodb.samples.marketplace.order;

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

import dev.vmodb.samples.marketplace.events.CheckoutItem;

/**
 * A line of an order.
 */
@Entity
@IdClass(OrderItemId.class)
@Table(name = "order_items")
public class OrderItem {

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@Id
	@Column(name = "order_item_id")
	private Long orderItemId;

	@NotNull
	@Column(name = "seller_id")
	private Long sellerId;

	@NotNull
	@Column(name = "product_id")
	private Long productId;

	@NotBlank
	@Column(name = "product_name")
	private String productName;

	@NotNull
	@DecimalMin("0")
	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	@Positive
	@Column(name = "quantity")
	private int quantity;

	@NotNull
	@DecimalMin("0")
	@Column(name = "freight_value")
	private BigDecimal freightValue;

	@NotNull
	@DecimalMin("0")
	@Column(name = "total_items")
	private BigDecimal totalItems;

	@NotNull
	@Column(name = "total_amount")
	private BigDecimal totalAmount;

	@NotNull
	@DecimalMin("0")
	@Column(name = "voucher")
	private BigDecimal voucher;

	protected OrderItem() {
	}

	/** The order's line number {@code orderItemId} (from 1), as the cart priced it. */
	public static OrderItem of(long customerId, long orderId, long orderItemId, CheckoutItem line) {
		OrderItem item = new OrderItem();
		item.customerId = customerId;
		item.orderId = orderId;
		item.orderItemId = orderItemId;
		item.sellerId = line.sellerId();
		item.productId = line.productId();
		item.productName = line.productName();
		item.unitPrice = line.unitPrice();
		item.quantity = line.quantity();
		item.freightValue = line.freightValue();
		item.totalItems = line.totalItems();
		item.totalAmount = line.totalAmount();
		item.voucher = line.voucher();
		return item;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public Long getOrderItemId() {
		return this.orderItemId;
	}

	public Long getSellerId() {
		return this.sellerId;
	}

	public void setSellerId(Long sellerId) {
		this.sellerId = sellerId;
	}

	public Long getProductId() {
		return this.productId;
	}

	public void setProductId(Long productId) {
		this.productId = productId;
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

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public BigDecimal getFreightValue() {
		return this.freightValue;
	}

	public void setFreightValue(BigDecimal freightValue) {
		this.freightValue = freightValue;
	}

	public BigDecimal getTotalItems() {
		return this.totalItems;
	}

	public void setTotalItems(BigDecimal totalItems) {
		this.totalItems = totalItems;
	}

	public BigDecimal getTotalAmount() {
		return this.totalAmount;
	}

	public void setTotalAmount(BigDecimal totalAmount) {
		this.totalAmount = totalAmount;
	}

	public BigDecimal getVoucher() {
		return this.voucher;
	}

	public void setVoucher(BigDecimal voucher) {
		this.voucher = voucher;
	}

}
