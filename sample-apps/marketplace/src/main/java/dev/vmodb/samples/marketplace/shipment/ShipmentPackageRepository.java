package dev.vmodb.samples.marketplace.shipment;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link ShipmentPackage} rows of the shipment VMS.
 */
public interface ShipmentPackageRepository extends VmsRepository<ShipmentPackage, ShipmentPackageId> {

	List<ShipmentPackage> findByCustomerIdAndOrderId(Long customerId, Long orderId);

}
