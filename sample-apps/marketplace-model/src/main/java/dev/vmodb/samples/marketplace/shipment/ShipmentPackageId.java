package dev.vmodb.samples.marketplace.shipment;

import java.io.Serializable;
import java.util.Objects;

/**
 * The key of {@link ShipmentPackage}.
 */
public class ShipmentPackageId implements Serializable {

	private static final long serialVersionUID = 1L;

	private Long customerId;

	private Long orderId;

	private Integer packageId;

	protected ShipmentPackageId() {
	}

	public ShipmentPackageId(Long customerId, Long orderId, Integer packageId) {
		this.customerId = customerId;
		this.orderId = orderId;
		this.packageId = packageId;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ShipmentPackageId that) && Objects.equals(this.customerId, that.customerId)
				&& Objects.equals(this.orderId, that.orderId)
				&& Objects.equals(this.packageId, that.packageId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.customerId, this.orderId, this.packageId);
	}

	@Override
	public String toString() {
		return this.customerId + "/" + this.orderId + "/" + this.packageId;
	}

}
