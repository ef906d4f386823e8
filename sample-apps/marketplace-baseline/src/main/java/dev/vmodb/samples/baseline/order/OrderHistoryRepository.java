package dev.vmodb.samples.baseline.order;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.order.OrderHistory;
import dev.vmodb.samples.marketplace.order.OrderHistoryId;

/** The {@link OrderHistory} rows of the order service. */
public interface OrderHistoryRepository extends JpaRepository<OrderHistory, OrderHistoryId>, Inserts<OrderHistory> {

}
