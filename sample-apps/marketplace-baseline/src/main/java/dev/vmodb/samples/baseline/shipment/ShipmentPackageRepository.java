package dev.vmodb.samples.baseline.shipment;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackage;
import dev.vmodb.samples.marketplace.shipment.ShipmentPackageId;

/** The shipment service's packages. */
public interface ShipmentPackageRepository extends JpaRepository<ShipmentPackage, ShipmentPackageId>,
		Inserts<ShipmentPackage> {

	/** The oldest package of a seller in a status, ties broken by order key; served by packages_by_seller_and_status. */
	Optional<ShipmentPackage> findFirstBySellerIdAndStatusOrderByShippedAtAscCustomerIdAscOrderIdAsc(Long sellerId,
			String status);

	List<ShipmentPackage> findByCustomerIdAndOrderIdAndSellerIdAndStatus(Long customerId, Long orderId, Long sellerId,
			String status);

	long countByCustomerIdAndOrderIdAndStatus(Long customerId, Long orderId, String status);

}
