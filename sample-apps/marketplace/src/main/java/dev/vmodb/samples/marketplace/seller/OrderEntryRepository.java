package dev.vmodb.samples.marketplace.seller;

import java.util.List;

import dev.vmodb.jpa.repository.VmsRepository;

/**
 * The {@link OrderEntry} rows of the seller VMS.
 */
public interface OrderEntryRepository extends VmsRepository<OrderEntry, OrderEntryId> {

	/** Served by order_entries_by_seller_and_delivery. */
	List<OrderEntry> findBySellerIdAndDeliveryStatus(Long sellerId, String deliveryStatus);

	long countBySellerIdAndDeliveryStatus(Long sellerId, String deliveryStatus);

	/** Served by order_entries_by_order. */
	List<OrderEntry> findByCustomerIdAndOrderId(Long customerId, Long orderId);

}
