package dev.vmodb.samples.marketplace.shipment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

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
 * The shipment of an order: one package per order line.
 */
@Entity
@IdClass(ShipmentId.class)
@Table(name = "shipments")
public class Shipment {

	/** Shipped, nothing delivered yet. */
	public static final String APPROVED = "APPROVED";

	/** Some of its packages delivered. */
	public static final String DELIVERY_IN_PROGRESS = "DELIVERY_IN_PROGRESS";

	/** Every package delivered. */
	public static final String CONCLUDED = "CONCLUDED";

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@Positive
	@Column(name = "package_count")
	private int packageCount;

	@NotNull
	@DecimalMin("0")
	@Column(name = "total_freight")
	private BigDecimal totalFreight;

	@NotNull
	@Column(name = "request_date")
	private Instant requestDate;

	@NotBlank
	@Column(name = "status")
	private String status;

	protected Shipment() {
	}

	/** The shipment of a paid order's lines, one package each, requested at {@code requestDate}. */
	public static Shipment approved(long customerId, long orderId, List<CheckoutItem> lines, Instant requestDate) {
		Shipment shipment = new Shipment();
		shipment.customerId = customerId;
		shipment.orderId = orderId;
		shipment.packageCount = lines.size();
		shipment.totalFreight = lines.stream().map(CheckoutItem::freightValue).reduce(BigDecimal.ZERO, BigDecimal::add);
		shipment.requestDate = requestDate;
		shipment.status = APPROVED;
		return shipment;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public int getPackageCount() {
		return this.packageCount;
	}

	public void setPackageCount(int packageCount) {
		this.packageCount = packageCount;
	}

	public BigDecimal getTotalFreight() {
		return this.totalFreight;
	}

	public void setTotalFreight(BigDecimal totalFreight) {
		this.totalFreight = totalFreight;
	}

	public Instant getRequestDate() {
		return this.requestDate;
	}

	public void setRequestDate(Instant requestDate) {
		this.requestDate = requestDate;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

}
