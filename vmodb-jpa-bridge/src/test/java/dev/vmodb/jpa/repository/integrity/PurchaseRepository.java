package dev.vmodb.jpa.repository.integrity;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Repository of {@link Purchase}.
 */
public interface PurchaseRepository extends VmsRepository<Purchase, Long> {

	List<Purchase> findByCustomerId(Long customerId);

	long deleteByCustomerId(Long customerId);

}
