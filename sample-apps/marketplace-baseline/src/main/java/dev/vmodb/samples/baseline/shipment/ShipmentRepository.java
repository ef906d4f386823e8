package dev.vmodb.samples.baseline.shipment;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.shipment.Shipment;
import dev.vmodb.samples.marketplace.shipment.ShipmentId;

/** The shipment service's shipments. */
public interface ShipmentRepository extends JpaRepository<Shipment, ShipmentId>, Inserts<Shipment> {

	/** The shipment, locked until the transaction ends: concurrent deliveries of one seller pick the same one. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Shipment> findLockedByCustomerIdAndOrderId(Long customerId, Long orderId);

}
