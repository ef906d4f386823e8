package dev.vmodb.samples.baseline.order;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.order.OrderItem;
import dev.vmodb.samples.marketplace.order.OrderItemId;

/** The {@link OrderItem} rows of the order service. */
public interface OrderItemRepository extends JpaRepository<OrderItem, OrderItemId>, Inserts<OrderItem> {

}
