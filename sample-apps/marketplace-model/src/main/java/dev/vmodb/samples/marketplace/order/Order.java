package dev.vmodb.samples.marketplace.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

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
 * An order of a customer, keyed by customer and the customer's order id.
 */
@Entity
@IdClass(OrderId.class)
@Table(name = "orders")
public class Order {

	/** Created by a checkout once stock is reserved. */
	public static final String INVOICED = "INVOICED";

	/** Paid. */
	public static final String PAYMENT_PROCESSED = "PAYMENT_PROCESSED";

	/** Every package of its shipment delivered. */
	public static final String DELIVERED = "DELIVERED";

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@NotBlank
	@Column(name = "invoice_number")
	private String invoiceNumber;

	@NotBlank
	@Column(name = "status")
	private String status;

	@NotNull
	@Column(name = "purchase_timestamp")
	private Instant purchaseTimestamp;

	@NotNull
	@Column(name = "updated_at")
	private Instant updatedAt;

	@Positive
	@Column(name = "count_items")
	private int countItems;

	@NotNull
	@Column(name = "total_amount")
	private BigDecimal totalAmount;

	@NotNull
	@DecimalMin("0")
	@Column(name = "total_freight")
	private BigDecimal totalFreight;

	@NotNull
	@DecimalMin("0")
	@Column(name = "total_incentive")
	private BigDecimal totalIncentive;

	@NotNull
	@Column(name = "total_invoice")
	private BigDecimal totalInvoice;

	@NotNull
	@DecimalMin("0")
	@Column(name = "total_items")
	private BigDecimal totalItems;

	protected Order() {
	}

	/**
	 * A new order of the given lines, invoiced at {@code now}: its invoice number is customer, time (epoch
	 * milliseconds) and order id, its totals are the lines' sums, and its amount is the items' total less the vouchers.
	 */
	public static Order invoiced(long customerId, long orderId, Instant now, List<CheckoutItem> lines) {
		Order order = new Order();
		order.customerId = customerId;
		order.orderId = orderId;
		order.invoiceNumber = customerId + "-" + now.toEpochMilli() + "-" + orderId;
		order.status = INVOICED;
		order.purchaseTimestamp = now;
		order.updatedAt = now;
		order.countItems = lines.size();
		order.totalItems = sum(lines, CheckoutItem::totalItems);
		order.totalFreight = sum(lines, CheckoutItem::freightValue);
		order.totalIncentive = sum(lines, CheckoutItem::voucher);
		order.totalInvoice = sum(lines, CheckoutItem::totalAmount);
		order.totalAmount = order.totalItems.subtract(order.totalIncentive);
		return order;
	}

	private static BigDecimal sum(List<CheckoutItem> lines, Function<CheckoutItem, BigDecimal> column) {
		return lines.stream().map(column).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public String getInvoiceNumber() {
		return this.invoiceNumber;
	}

	public void setInvoiceNumber(String invoiceNumber) {
		this.invoiceNumber = invoiceNumber;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Instant getPurchaseTimestamp() {
		return this.purchaseTimestamp;
	}

	public void setPurchaseTimestamp(Instant purchaseTimestamp) {
		this.purchaseTimestamp = purchaseTimestamp;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public int getCountItems() {
		return this.countItems;
	}

	public void setCountItems(int countItems) {
		this.countItems = countItems;
	}

	public BigDecimal getTotalAmount() {
		return this.totalAmount;
	}

	public void setTotalAmount(BigDecimal totalAmount) {
		this.totalAmount = totalAmount;
	}

	public BigDecimal getTotalFreight() {
		return this.totalFreight;
	}

	public void setTotalFreight(BigDecimal totalFreight) {
		this.totalFreight = totalFreight;
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

	public BigDecimal getTotalItems() {
		return this.totalItems;
	}

	public void setTotalItems(BigDecimal totalItems) {
		this.totalItems = totalItems;
	}

}
