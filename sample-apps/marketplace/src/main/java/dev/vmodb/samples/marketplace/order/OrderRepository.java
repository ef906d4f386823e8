package dev.vmodb.samples.marketplace.order;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link Order} rows of the order VMS.
 */
public interface OrderRepository extends VmsRepository<Order, OrderId> {

}
