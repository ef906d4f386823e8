package dev.vmodb.samples.marketplace.shipment;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link Shipment} rows of the shipment VMS.
 */
public interface ShipmentRepository extends VmsRepository<Shipment, ShipmentId> {

}
