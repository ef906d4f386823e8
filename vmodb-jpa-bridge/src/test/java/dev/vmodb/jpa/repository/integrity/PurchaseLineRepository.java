package dev.vmodb.jpa.repository.integrity;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Repository of {@link PurchaseLine}.
 */
public interface PurchaseLineRepository extends VmsRepository<PurchaseLine, PurchaseLineId> {

}
