package dev.vmodb.jpa.repository.integrity;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * Repository of {@link Customer}.
 */
public interface CustomerRepository extends VmsRepository<Customer, Long> {

	long deleteByName(String name);

}
