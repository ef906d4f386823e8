package dev.vmodb.samples.baseline.seller;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.seller.OrderEntry;
import dev.vmodb.samples.marketplace.seller.OrderEntryId;

/** The {@link OrderEntry} rows of the seller service. */
public interface OrderEntryRepository extends JpaRepository<OrderEntry, OrderEntryId>, Inserts<OrderEntry> {

	/** Served by order_entries_by_seller_and_delivery. */
	List<OrderEntry> findBySellerIdAndDeliveryStatus(Long sellerId, String deliveryStatus);

	long countBySellerIdAndDeliveryStatus(Long sellerId, String deliveryStatus);

	List<OrderEntry> findByCustomerIdAndOrderId(Long customerId, Long orderId);

}
