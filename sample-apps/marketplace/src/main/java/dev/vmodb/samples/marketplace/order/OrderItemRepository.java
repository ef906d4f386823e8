package dev.vmodb.samples.marketplace.order;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link OrderItem} rows of the order VMS.
 */
public interface OrderItemRepository extends VmsRepository<OrderItem, OrderItemId> {

	List<OrderItem> findByCustomerIdAndOrderId(Long customerId, Long orderId);

}
