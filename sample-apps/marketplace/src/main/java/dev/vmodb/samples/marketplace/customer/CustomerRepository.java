package dev.vmodb.samples.marketplace.customer;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link Customer} rows of the customer VMS.
 */
public interface CustomerRepository extends VmsRepository<Customer, Long> {

}
