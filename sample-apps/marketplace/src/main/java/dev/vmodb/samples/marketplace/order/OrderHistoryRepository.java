package dev.vmodb.samples.marketplace.order;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link OrderHistory} rows of the order VMS.
 */
public interface OrderHistoryRepository extends VmsRepository<OrderHistory, OrderHistoryId> {

	List<OrderHistory> findByCustomerIdAndOrderId(Long customerId, Long orderId);

}
