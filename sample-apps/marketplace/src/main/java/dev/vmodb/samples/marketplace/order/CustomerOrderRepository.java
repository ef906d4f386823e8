package dev.vmodb.samples.marketplace.order;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link CustomerOrder} rows of the order VMS.
 */
public interface CustomerOrderRepository extends VmsRepository<CustomerOrder, Long> {

}
