package dev.vmodb.samples.baseline.order;

import org.springframework.data.jpa.repository.JpaRepository;

import dev.vmodb.samples.baseline.messaging.Inserts;

/** The {@link Order} rows of the order service. */
public interface OrderRepository extends JpaRepository<Order, OrderId>, Inserts<Order> {

}
