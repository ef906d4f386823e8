package dev.vmodb.samples.baseline.order;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;
import dev.vmodb.samples.marketplace.order.Order;
import dev.vmodb.samples.marketplace.order.OrderId;

/** The {@link Order} rows of the order service. */
public interface OrderRepository extends JpaRepository<Order, OrderId>, Inserts<Order> {

}
