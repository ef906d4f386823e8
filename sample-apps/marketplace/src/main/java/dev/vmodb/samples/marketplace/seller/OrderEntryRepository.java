package dev.vmodb.samples.marketplace.seller;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link OrderEntry} rows of the seller VMS.
 */
public interface OrderEntryRepository extends VmsRepository<OrderEntry, OrderEntryId> {

	List<OrderEntry> findBySellerId(Long sellerId);

	List<OrderEntry> findByCustomerIdAndOrderId(Long customerId, Long orderId);

}
