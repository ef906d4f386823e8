package dev.vmodb.samples.marketplace.shipment;

import java.math.BigDecimal;
import java.time.Instant;

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
 * A package of a shipment, one seller's product; shipped, later delivered.
 */
@Entity
@IdClass(ShipmentPackageId.class)
// order: delivery reads an order's packages (declared first: of two equally long covering indexes, the query planner
// takes the first, and an order's packages are far fewer than a seller's open ones);
// seller and status: delivery finds a seller's open (SHIPPED) packages without scanning the delivered ones
@Table(name = "packages", indexes = { @Index(name = "packages_by_order", columnList = "customer_id, order_id"),
		@Index(name = "packages_by_seller_and_status", columnList = "seller_id, status") })
public class ShipmentPackage {

	/** On its way: open for delivery. */
	public static final String SHIPPED = "SHIPPED";

	public static final String DELIVERED = "DELIVERED";

	@Id
	@Column(name = "customer_id")
	private Long customerId;

	@Id
	@Column(name = "order_id")
	private Long orderId;

	@Id
	@Column(name = "package_id")
	private Integer packageId;

	@NotNull
	@Column(name = "seller_id")
	private Long sellerId;

	@NotNull
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
	@Column(name = "freight_value")
	private BigDecimal freightValue;

	@NotBlank
	@Column(name = "status")
	private String status;

	/** The shipment's request date, copied so the oldest open package of a seller is found from the index alone. */
	@NotNull
	@Column(name = "shipped_at")
	private Instant shippedAt;

	protected ShipmentPackage() {
	}

	/** The package of one order line, shipped at {@code shippedAt}. */
	public static ShipmentPackage shipped(long customerId, long orderId, int packageId, CheckoutItem line,
			Instant shippedAt) {
		ShipmentPackage shipped = new ShipmentPackage();
		shipped.customerId = customerId;
		shipped.orderId = orderId;
		shipped.packageId = packageId;
		shipped.sellerId = line.sellerId();
		shipped.productId = line.productId();
		shipped.productName = line.productName();
		shipped.quantity = line.quantity();
		shipped.freightValue = line.freightValue();
		shipped.status = SHIPPED;
		shipped.shippedAt = shippedAt;
		return shipped;
	}

	public Long getCustomerId() {
		return this.customerId;
	}

	public Long getOrderId() {
		return this.orderId;
	}

	public Integer getPackageId() {
		return this.packageId;
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

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Instant getShippedAt() {
		return this.shippedAt;
	}

}
