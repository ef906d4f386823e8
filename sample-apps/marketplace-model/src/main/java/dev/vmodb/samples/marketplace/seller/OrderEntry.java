package dev.vmodb.samples.marketplace.seller;

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

import dev.vmodb.samples.marketplace.events.CheckoutItem;

/**
 * One product line of an order, as its seller sees it; the seller dashboard aggregates the entries of open orders.
 */
@Entity
@IdClass(OrderEntryId.class)
// order: delivery reads an order's entries; seller and delivery status: the dashboard reads a seller's open entries
// without touching delivered ones
@Table(name = "order_entries", indexes = { @Index(name = "order_entries_by_order", columnList = "customer_id, order_id"),
		@Index(name = "order_entries_by_seller_and_delivery", columnList = "seller_id, delivery_status") })
public class OrderEntry {

	/** Not yet delivered: on the seller's dashboard. */
	public static final String OPEN = "OPEN";

	public static final String DELIVERED = "DELIVERED";

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@Id
	@Column(name = "seller_id")
	private Long sellerId;

	@Id
	@Column(name = "product_id")
	private Long productId;

	@NotBlank
	@Column(name = "product_name")
	private String productName;

	@Positive
	@Column(name = "quantity")
	private int quantity;

	@NotNull
	@DecimalMin("0")
	@Column(name = "unit_price")
	private BigDecimal unitPrice;

	@NotNull
	@DecimalMin("0")
	@Column(name = "total_items")
	private BigDecimal totalItems;

	@NotNull
	@Column(name = "total_amount")
	private BigDecimal totalAmount;

	@NotNull
	@DecimalMin("0")
	@Column(name = "freight_value")
	private BigDecimal freightValue;

	@NotNull
	@DecimalMin("0")
	@Column(name = "total_incentive")
	private BigDecimal totalIncentive;

	@NotNull
	@Column(name = "total_invoice")
	private BigDecimal totalInvoice;

	@NotBlank
	@Column(name = "order_status")
	private String orderStatus;

	@NotBlank
	@Column(name = "delivery_status")
	private String deliveryStatus;

	protected OrderEntry() {
	}

	/** The entry of one line of an invoiced order: open (on the seller's dashboard) until its package is delivered. */
	public static OrderEntry invoiced(long customerId, long orderId, CheckoutItem line) {
		OrderEntry entry = new OrderEntry();
		entry.customerId = customerId;
		entry.orderId = orderId;
		entry.sellerId = line.sellerId();
		entry.productId = line.productId();
		entry.productName = line.productName();
		entry.quantity = line.quantity();
		entry.unitPrice = line.unitPrice();
		entry.totalItems = line.totalItems();
		entry.totalAmount = line.totalAmount();
		entry.freightValue = line.freightValue();
		entry.totalIncentive = line.voucher();
		entry.totalInvoice = line.totalAmount();
		entry.orderStatus = "INVOICED";
		entry.deliveryStatus = OPEN;
		return entry;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getOrderId() {
		return this.orderId;
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

	public int getQuantity() {
		return this.quantity;
	}

	public void setQuantity(int quantity) {
		this.quantity = quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public void setUnitPrice(BigDecimal unitPrice) {
		this.unitPrice = unitPrice;
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

	public BigDecimal getFreightValue() {
		return this.freightValue;
	}

	public void setFreightValue(BigDecimal freightValue) {
		this.freightValue = freightValue;
	}

	public BigDecimal getTotalIncentive() {
		return this.totalIncentive;
	}

	public void setTotalIncentive(BigDecimal totalIncentive) {
		this.totalIncentive = totalIncentive;
	}

	public BigDecimal getTotalInvoice() {
		return this.totalInvoice;
	}

	public void setTotalInvoice(BigDecimal totalInvoice) {
		this.totalInvoice = totalInvoice;
	}

	public String getOrderStatus() {
		return this.orderStatus;
	}

	public void setOrderStatus(String orderStatus) {
		this.orderStatus = orderStatus;
	}

	public String getDeliveryStatus() {
		return this.deliveryStatus;
	}

	public void setDeliveryStatus(String deliveryStatus) {
		this.deliveryStatus = deliveryStatus;
	}

}
