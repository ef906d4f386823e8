package dev.vmodb.samples.marketplace.shipment;

import java.util.List;
import java.util.Optional;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link ShipmentPackage} rows of the shipment VMS.
 */
public interface ShipmentPackageRepository extends VmsRepository<ShipmentPackage, ShipmentPackageId> {

	/** The oldest package of a seller in a status, ties broken by order key; served by packages_by_seller_and_status. */
	Optional<ShipmentPackage> findFirstBySellerIdAndStatusOrderByShippedAtAscCustomerIdAscOrderIdAsc(Long sellerId,
			String status);

	List<ShipmentPackage> findByCustomerIdAndOrderIdAndSellerIdAndStatus(Long customerId, Long orderId, Long sellerId,
			String status);

	long countByCustomerIdAndOrderIdAndStatus(Long customerId, Long orderId, String status);

}
